import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { findSubscription } from "./subscriptions.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";

builder.mutationField("deleteWebhookSubscription", (t) =>
  t.field({
    type: WebhookSubscriptionRef,
    description: "Removes an endpoint and its delivery log; nothing more is sent to it.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: WebhookSubscriptionRef }) },
    resolve: (_root, { id }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await findSubscription(tx, id.id);
        await tx.webhookSubscription.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: {
            action: "webhook_subscription.delete",
            entityType: "WebhookSubscription",
            entityId: before.id,
            before,
          },
        };
      }),
  }),
);
