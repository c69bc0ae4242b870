import { randomUUID } from "node:crypto";
import type { Prisma } from "../../db/prisma.js";
import { job } from "../../jobs/enqueue.js";
import { type EventData, type EventType, eventCatalog } from "./event-catalog.js";
import { fanOutWebhookEvent } from "./fan-out-webhook-event.task.js";

/** Writes an event row (its payload checked against the catalog) in the caller's transaction. */
export async function recordEvent<T extends EventType>(
  tx: Prisma.TransactionClient,
  organizationId: string,
  type: T,
  data: EventData<T>,
) {
  const { version, payload } = eventCatalog[type];
  return tx.webhookEvent.create({
    data: { organizationId, type, version, data: payload.parse(data) as Prisma.InputJsonValue },
  });
}

/**
 * Emits a domain event from inside the transaction of the change that caused it (e.g. in
 * `audited(ctx, async (tx) => ...)`): the event row and the job that fans it out to the
 * organization's webhook endpoints commit with the change, or not at all.
 *
 * ```ts
 * await emitEvent(tx, organizationId, "patient.created", { patientId: encodeGlobalID("Patient", id), status });
 * ```
 */
export async function emitEvent<T extends EventType>(
  tx: Prisma.TransactionClient,
  organizationId: string,
  type: T,
  data: EventData<T>,
): Promise<{ id: string }> {
  const { version, payload } = eventCatalog[type];
  const id = randomUUID();
  // One round trip: the event row and its fan-out job (a data-modifying CTE always runs). The
  // clock, not the transaction's start, dates it: events of one transaction keep their order.
  await tx.$executeRaw`WITH event AS (
      INSERT INTO webhook_events (id, organization_id, type, version, data, created_at)
      VALUES (${id}::uuid, ${organizationId}::uuid, ${type}, ${version}, ${JSON.stringify(payload.parse(data))}::jsonb,
        clock_timestamp()))
    SELECT ${job(fanOutWebhookEvent, { eventId: id, organizationId, type })}`;
  return { id };
}
