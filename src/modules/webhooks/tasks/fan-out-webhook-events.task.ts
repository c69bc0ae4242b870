import { subscribeToEvents } from "../../../events/index.js";
import { wakeDeliveries } from "./deliver-webhooks.task.js";

/**
 * The webhooks' subscription to domain events: the organization's `fan_out_webhook_events` job
 * takes its queued events (1,000 per transaction) and, in the same transaction, schedules each
 * one's first attempt to every enabled endpoint that wants its type (one multi-row insert, in
 * the events' order) and wakes those endpoints' delivery runs. A crash midway leaves the batch
 * queued; it is fanned out again, and nothing is scheduled twice.
 */
export const fanOutWebhookEvents = subscribeToEvents({
  name: "webhooks",
  task: "fan_out_webhook_events",
  async handle(tx, events) {
    const [batch] = await tx.$queryRaw<{ endpoints: string[] }[]>`
      WITH scheduled AS (
        INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, trigger, attempt, due_at)
        SELECT s.organization_id, s.id, e.id, 'event', 1, e.created_at
        FROM unnest(${events.map((e) => e.id)}::uuid[]) WITH ORDINALITY AS b(event_id, position)
        JOIN domain_events e ON e.id = b.event_id
        JOIN webhook_subscriptions s ON s.organization_id = e.organization_id AND s.enabled
          AND (s.event_types = '{}' OR e.type = ANY (s.event_types))
        ORDER BY b.position, s.id
        ON CONFLICT (subscription_id, event_id, attempt) WHERE trigger = 'event' DO NOTHING
        RETURNING subscription_id
      )
      SELECT array(SELECT DISTINCT subscription_id FROM scheduled)::text[] AS endpoints`;
    if (batch?.endpoints.length) await wakeDeliveries(tx, batch.endpoints);
  },
});
