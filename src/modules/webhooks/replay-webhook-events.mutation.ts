import { z } from "zod";
import type { Prisma } from "../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { enqueue } from "../../jobs/enqueue.js";
import { audited } from "../../operation/audited.js";
import { scheduleDelivery } from "./deliver-webhooks.task.js";
import { replayedEvents, replayWebhookEventsTask } from "./replay-webhook-events.task.js";
import { findSubscription } from "./subscriptions.js";
import { WebhookEventRef } from "./webhook-event.type.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";

/** Replays go to enabled endpoints only: a disabled one would drop them. */
async function enabledSubscription(tx: Prisma.TransactionClient, id: string) {
  const subscription = await findSubscription(tx, id);
  if (!subscription.enabled) throw new ConflictError("The endpoint is disabled; enable it before replaying");
  return subscription;
}

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
      audited(ctx, async (tx) => {
        const subscription = await enabledSubscription(tx, input.subscriptionId.id);
        const event = await tx.domainEvent.findUnique({ where: { id: input.eventId.id } });
        if (!event) throw new NotFoundError("WebhookEvent");
        await scheduleDelivery(tx, {
          organizationId: subscription.organizationId,
          subscriptionId: subscription.id,
          eventId: event.id,
          trigger: "replay",
        });
        return {
          value: event,
          audit: {
            action: "webhook_subscription.replay",
            entityType: "WebhookSubscription",
            entityId: subscription.id,
            after: { eventId: event.id },
          },
        };
      }),
  }),
);

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

interface Replay {
  subscription: { id: string };
  events: number;
}

const WebhookReplayRef = builder.objectRef<Replay>("WebhookReplay").implement({
  fields: (t) => ({
    subscription: t.field({ type: WebhookSubscriptionRef, resolve: (r) => r.subscription as never }),
    events: t.exposeInt("events", { description: "How many events are queued to be sent again." }),
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
      audited(ctx, async (tx) => {
        const subscription = await enabledSubscription(tx, input.subscriptionId.id);
        const until = new Date();
        const events = await tx.domainEvent.count({ where: replayedEvents(subscription, input.since, until) });
        await enqueue(tx, replayWebhookEventsTask, {
          subscriptionId: subscription.id,
          since: input.since.toISOString(),
          until: until.toISOString(),
        });
        return {
          value: { subscription, events },
          audit: {
            action: "webhook_subscription.replay",
            entityType: "WebhookSubscription",
            entityId: subscription.id,
            after: { since: input.since, events },
          },
        };
      }),
  }),
);
