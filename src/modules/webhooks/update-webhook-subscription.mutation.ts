import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { assertPublicEndpoint, findSubscription, webhookFields } from "./subscriptions.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";

const UpdateWebhookSubscriptionInput = builder.inputType("UpdateWebhookSubscriptionInput", {
  description: "Only the fields given change.",
  fields: (t) => ({
    url: t.string({ required: false, validate: webhookFields.url }),
    eventTypes: t.stringList({
      required: false,
      validate: webhookFields.eventTypes,
      description: "Replaces the list; empty: every type.",
    }),
    description: t.string({ required: false, validate: webhookFields.description, description: "Empty clears it." }),
    enabled: t.boolean({
      required: false,
      description:
        "Re-enabling a disabled endpoint resets its failure count; messages of the meantime are not sent (replay them).",
    }),
  }),
});

builder.mutationField("updateWebhookSubscription", (t) =>
  t.field({
    type: WebhookSubscriptionRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: {
      id: t.arg.globalID({ for: WebhookSubscriptionRef }),
      input: t.arg({ type: UpdateWebhookSubscriptionInput }),
    },
    resolve: async (_root, { id, input }, ctx) => {
      if (input.url) await assertPublicEndpoint(ctx, input.url);
      return audited(ctx, async (tx) => {
        const before = await findSubscription(tx, id.id);
        const switched = input.enabled != null && input.enabled !== before.enabled;
        const after = await tx.webhookSubscription.update({
          where: { id: before.id },
          data: {
            url: input.url ?? undefined,
            eventTypes: input.eventTypes ?? undefined,
            description: input.description == null ? undefined : input.description || null,
            ...(switched && input.enabled
              ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 }
              : {}),
            ...(switched && !input.enabled ? { enabled: false, disabledReason: "manual", disabledAt: new Date() } : {}),
          },
        });
        return {
          value: after,
          audit: {
            action: "webhook_subscription.update",
            entityType: "WebhookSubscription",
            entityId: after.id,
            before,
            after,
          },
        };
      });
    },
  }),
);
