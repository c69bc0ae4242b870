import { randomUUID } from "node:crypto";
import type { Prisma } from "../../db/prisma.js";
import { type EventData, type EventType, eventCatalog } from "./event-catalog.js";

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
 * `audited(ctx, async (tx) => ...)`): the event row and its place in the organization's fan-out
 * queue commit with the change, or not at all.
 *
 * ```ts
 * await emitEvent(tx, organizationId, "patient.created", { patientId: encodeGlobalID("Patient", id), status });
 * ```
 *
 * No job per event: the organization's `fan_out_webhook_events` job takes every queued event at
 * once, and is queued only when none is waiting to start (`tenancy.wake_webhook_fan_out`).
 */
export async function emitEvent<T extends EventType>(
  tx: Prisma.TransactionClient,
  organizationId: string,
  type: T,
  data: EventData<T>,
): Promise<{ id: string }> {
  const { version, payload } = eventCatalog[type];
  const id = randomUUID();
  // One round trip: the event row, its fan-out queue row and the wake-up (data-modifying CTEs
  // always run). The clock, not the transaction's start, dates it, and the queue's position
  // orders events of the same millisecond: events of one transaction keep their order.
  await tx.$executeRaw`WITH event AS (
      INSERT INTO webhook_events (id, organization_id, type, version, data, created_at)
      VALUES (${id}::uuid, ${organizationId}::uuid, ${type}, ${version}, ${JSON.stringify(payload.parse(data))}::jsonb,
        clock_timestamp())
      RETURNING id, organization_id
    ), queued AS (
      INSERT INTO webhook_fan_outs (event_id, organization_id) SELECT id, organization_id FROM event
    )
    SELECT tenancy.wake_webhook_fan_out(${organizationId}::uuid)`;
  return { id };
}
