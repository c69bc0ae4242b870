import { z } from "zod";
import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { replayWebhookEvents } from "../domain/replay-webhook-events.js";
import { WebhookReplayRef } from "../types/webhook-replay.type.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

const ReplayWebhookEventsInput = builder.inputType("ReplayWebhookEventsInput", {
  fields: (t) => ({
    subscriptionId: t.globalID({ for: WebhookSubscriptionRef }),
    since: t.field({
      type: "DateTime",
      validate: z.date().refine((d) => d.getTime() <= Date.now(), { message: "must not be in the future" }),
      description: "Every event from this instant until now that the endpoint's event types select.",
    }),
  }),
});

builder.mutationField("replayWebhookEvents", (t) =>
  t.field({
    type: WebhookReplayRef,
    description:
      "Sends again, oldest first, every event since a time that the endpoint's event types select (delivered or not; receivers deduplicate by `webhook-id`).",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: ReplayWebhookEventsInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        replayWebhookEvents(tx, actor, { subscriptionId: input.subscriptionId.id, since: input.since }),
      ),
  }),
);
