import { randomUUID } from "node:crypto";
import type { Prisma } from "../db/prisma.js";
import { type EventData, type EventType, eventCatalog } from "./catalog.js";
import { currentCausation } from "./causation.js";
import { subscribersOf } from "./subscribers.js";

/** An event's row, its payload checked against the catalog and its causation taken from the operation context. */
function eventRow<T extends EventType>(organizationId: string, type: T, data: EventData<T>) {
  const { version, payload } = eventCatalog[type];
  return {
    id: randomUUID(),
    organizationId,
    type,
    version,
    data: payload.parse(data) as Prisma.InputJsonValue,
    ...currentCausation(),
  };
}

/**
 * Emits a domain event from inside the transaction of the change that caused it (e.g. in
 * `audited(ctx, async (tx) => ...)`): the event row, its place in the queue of every subscriber
 * that wants it (`subscribeToEvents`) and the wake-up of their jobs commit with the change, or
 * not at all. Its causation (the request, or the job and the event it handles) comes from the
 * operation context.
 *
 * ```ts
 * await emitEvent(tx, organizationId, "patient.created", { patientId: encodeGlobalID("Patient", id), status });
 * ```
 *
 * No job per event: each subscriber's job of the organization takes every queued event at once,
 * and is queued only when none is waiting to start (`tenancy.wake_event_subscriber`).
 */
export async function emitEvent<T extends EventType>(
  tx: Prisma.TransactionClient,
  organizationId: string,
  type: T,
  data: EventData<T>,
): Promise<{ id: string }> {
  const event = eventRow(organizationId, type, data);
  const { names, tasks } = subscribersOf(type);
  // One round trip: the event row, its subscribers' queue rows and their wake-ups (data-modifying
  // CTEs always run). The clock, not the transaction's start, dates it, and the queue's position
  // orders events of the same millisecond: events of one transaction keep their order.
  await tx.$executeRaw`WITH event AS (
      INSERT INTO domain_events (id, organization_id, type, version, data, created_at, request_id, job_id, job_task,
        cause_event_id, depth)
      VALUES (${event.id}::uuid, ${organizationId}::uuid, ${type}, ${event.version}, ${JSON.stringify(event.data)}::jsonb,
        clock_timestamp(), ${event.requestId}, ${event.jobId}::bigint, ${event.jobTask}, ${event.causeEventId}::uuid,
        ${event.depth})
      RETURNING id, organization_id
    ), queued AS (
      INSERT INTO event_deliveries (subscriber, event_id, organization_id)
      SELECT subscriber, id, organization_id FROM event, unnest(${names}::text[]) AS subscriber
    )
    SELECT tenancy.wake_event_subscriber(s.name, s.task, ${organizationId}::uuid)
    FROM unnest(${names}::text[], ${tasks}::text[]) AS s(name, task)`;
  return { id: event.id };
}

/**
 * Records an event that goes to no subscriber, in the caller's transaction, and answers its row:
 * for a message its emitter delivers itself (`webhook.ping`, to one endpoint).
 */
export function recordEvent<T extends EventType>(
  tx: Prisma.TransactionClient,
  organizationId: string,
  type: T,
  data: EventData<T>,
) {
  return tx.domainEvent.create({ data: eventRow(organizationId, type, data) });
}
