import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { assertPublicEndpoint, webhookFields } from "../domain/subscriptions.js";
import { updateWebhookSubscription } from "../domain/update-webhook-subscription.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

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
      if (input.url) await assertPublicEndpoint(ctx.services.config.webhooks, input.url);
      return audited(ctx, (tx, actor) => updateWebhookSubscription(tx, actor, id.id, input));
    },
  }),
);
