import { z } from "zod";
import { defineTask } from "../../../jobs/task.js";
import { wakeDeliveries } from "./deliver-webhooks.task.js";

const PAGE = 500;

/**
 * Schedules a replay of every event of `[since, until)` a subscription wants (by its current
 * event types), each due at its own time, so they go out oldest first.
 */
export const replayWebhookEventsTask = defineTask({
  identifier: "replay_webhook_events",
  payload: z.object({ subscriptionId: z.uuid(), since: z.iso.datetime(), until: z.iso.datetime() }),
  async run({ subscriptionId, since, until }, { services, log }) {
    const { adminDb } = services;
    const subscription = await adminDb.webhookSubscription.findUnique({ where: { id: subscriptionId } });
    if (!subscription) return log.debug({ subscriptionId }, "webhook subscription is gone; nothing to replay");
    let after: string | undefined;
    for (;;) {
      const page = await adminDb.domainEvent.findMany({
        where: replayedEvents(subscription, new Date(since), new Date(until)),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        ...(after ? { cursor: { id: after }, skip: 1 } : {}),
        take: PAGE,
        select: { id: true, createdAt: true },
      });
      await adminDb.webhookDelivery.createMany({
        data: page.map((event) => ({
          organizationId: subscription.organizationId,
          subscriptionId,
          eventId: event.id,
          trigger: "replay" as const,
          attempt: 1,
          dueAt: event.createdAt,
        })),
      });
      if (page.length < PAGE) break;
      after = page.at(-1)?.id;
    }
    await adminDb.$transaction((tx) => wakeDeliveries(tx, [subscriptionId]));
  },
});

/** The events a replay since a time sends: the subscription's organization's, of the types it wants, pings aside. */
export function replayedEvents(
  subscription: { organizationId: string; eventTypes: string[] },
  since: Date,
  until: Date,
) {
  return {
    organizationId: subscription.organizationId,
    createdAt: { gte: since, lt: until },
    type: subscription.eventTypes.length ? { in: subscription.eventTypes } : { not: "webhook.ping" },
  };
}
