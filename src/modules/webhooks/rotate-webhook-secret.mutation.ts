import { z } from "zod";
import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { rotateSigningSecrets } from "./signing-secrets.js";
import { findSubscription } from "./subscriptions.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";
import { WebhookSubscriptionWithSecretRef } from "./webhook-subscription-secret.type.js";

const RotateWebhookSecretInput = builder.inputType("RotateWebhookSecretInput", {
  fields: (t) => ({
    id: t.globalID({ for: WebhookSubscriptionRef }),
    gracePeriodHours: t.int({
      required: false,
      defaultValue: 24,
      validate: z.number().int().min(0).max(168),
      description: "How long messages stay signed with the previous secret too (0 to 168 hours; 0: not at all).",
    }),
  }),
});

builder.mutationField("rotateWebhookSecret", (t) =>
  t.field({
    type: WebhookSubscriptionWithSecretRef,
    description:
      "Replaces an endpoint's signing secret. During the grace period messages carry two signatures, one per secret.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: RotateWebhookSecretInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await findSubscription(tx, input.id.id);
        const { secret, stored } = rotateSigningSecrets(
          ctx.services.config.integrationsKey,
          before,
          (input.gracePeriodHours ?? 24) * 3_600_000,
        );
        const after = await tx.webhookSubscription.update({ where: { id: before.id }, data: stored });
        return {
          value: { subscription: after, secret },
          audit: {
            action: "webhook_subscription.rotate_secret",
            entityType: "WebhookSubscription",
            entityId: after.id,
            before,
            after,
          },
        };
      }),
  }),
);
