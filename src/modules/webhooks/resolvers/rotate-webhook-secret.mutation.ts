import { z } from "zod";
import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { rotateWebhookSecret } from "../domain/rotate-webhook-secret.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";
import { WebhookSubscriptionWithSecretRef } from "../types/webhook-subscription-secret.type.js";

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
      audited(ctx, (tx, actor) =>
        rotateWebhookSecret(
          tx,
          actor,
          { id: input.id.id, gracePeriodMs: (input.gracePeriodHours ?? 24) * 3_600_000 },
          ctx.services.config.integrationsKey,
        ),
      ),
  }),
);
