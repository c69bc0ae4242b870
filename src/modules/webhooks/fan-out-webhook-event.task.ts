import { z } from "zod";
import { defineTask } from "../../jobs/task.js";
import { wakeDeliveries } from "./deliver-webhooks.task.js";

/**
 * Schedules a committed event's first attempt to every enabled endpoint of its organization
 * that wants its type, then wakes those endpoints' deliveries. Safe to run again after a
 * crash: nothing is scheduled twice.
 */
export const fanOutWebhookEvent = defineTask({
  identifier: "fan_out_webhook_event",
  payload: z.object({ eventId: z.uuid(), organizationId: z.uuid(), type: z.string() }),
  async run({ eventId, organizationId, type }, { services }) {
    const { adminDb } = services;
    const targets = await adminDb.$queryRaw<{ id: string; queued: boolean }[]>`
      WITH targets AS (
        SELECT s.id, s.organization_id, s.delivery_queued_at IS NOT NULL AS queued FROM webhook_subscriptions s
        WHERE s.organization_id = ${organizationId}::uuid AND s.enabled
          AND (s.event_types = '{}' OR ${type} = ANY (s.event_types))
      ), scheduled AS (
        INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, trigger, attempt, due_at)
        SELECT t.organization_id, t.id, e.id, 'event', 1, e.created_at
        FROM targets t JOIN webhook_events e ON e.id = ${eventId}::uuid
        ON CONFLICT (subscription_id, event_id, attempt) WHERE trigger = 'event' DO NOTHING
      )
      SELECT id, queued FROM targets`;
    // Under load every endpoint has a run queued already: then no transaction is needed.
    const idle = targets.filter((t) => !t.queued).map((t) => t.id);
    if (idle.length) await adminDb.$transaction((tx) => wakeDeliveries(tx, idle));
  },
});
