import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { replayWebhookEvent } from "../domain/replay-webhook-events.js";
import { WebhookEventRef } from "../types/webhook-event.type.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

const ReplayWebhookEventInput = builder.inputType("ReplayWebhookEventInput", {
  fields: (t) => ({
    subscriptionId: t.globalID({ for: WebhookSubscriptionRef }),
    eventId: t.globalID({ for: WebhookEventRef }),
  }),
});

builder.mutationField("replayWebhookEvent", (t) =>
  t.field({
    type: WebhookEventRef,
    description: "Sends one event to an endpoint again, with the same `webhook-id` and a retry schedule of its own.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: ReplayWebhookEventInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        replayWebhookEvent(tx, actor, { subscriptionId: input.subscriptionId.id, eventId: input.eventId.id }),
      ),
  }),
);
