import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../errors.js";
import { enqueue } from "../../../jobs/enqueue.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { scheduleDelivery } from "../tasks/deliver-webhooks.task.js";
import { replayedEvents, replayWebhookEventsTask } from "../tasks/replay-webhook-events.task.js";
import { findSubscription } from "./subscriptions.js";

/** Replays go to enabled endpoints only: a disabled one would drop them. */
async function enabledSubscription(tx: Prisma.TransactionClient, id: string) {
  const subscription = await findSubscription(tx, id);
  if (!subscription.enabled) throw new ConflictError("The endpoint is disabled; enable it before replaying");
  return subscription;
}

/** Sends one event to an endpoint again, with the same `webhook-id` and a retry schedule of its own. */
export async function replayWebhookEvent(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  input: { subscriptionId: string; eventId: string },
) {
  const subscription = await enabledSubscription(tx, input.subscriptionId);
  const event = await tx.domainEvent.findUnique({ where: { id: input.eventId } });
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
  } satisfies Audited<typeof event>;
}

/** Queues every event since `since` that the endpoint's event types select, to be sent again oldest first. */
export async function replayWebhookEvents(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  input: { subscriptionId: string; since: Date },
) {
  const subscription = await enabledSubscription(tx, input.subscriptionId);
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
  } satisfies Audited<{ subscription: { id: string }; events: number }>;
}
