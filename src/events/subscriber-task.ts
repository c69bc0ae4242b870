import { z } from "zod";
import type { Prisma, PrismaClient } from "../db/prisma.js";
import { enqueue } from "../jobs/enqueue.js";
import { defineTask, type JobContext, type TaskDefinition } from "../jobs/task.js";
import type { EventType } from "./catalog.js";

/** An event as a subscriber receives it, off its queue. */
export interface QueuedEvent {
  id: string;
  organizationId: string;
  type: EventType;
  version: number;
  data: unknown;
  createdAt: Date;
  /** Its causation depth: what handling it emits is `depth + 1` (see `handlingEvent`). */
  depth: number;
}

export interface SubscriberContext extends JobContext {
  organizationId: string;
}

export interface EventSubscriber {
  /** Names its queue rows (`event_deliveries.subscriber`) and jobs: lower case, e.g. `webhooks`. */
  name: string;
  /** The graphile-worker task identifier of its jobs (one per organization at a time). */
  task: string;
  /** The event types it wants; every type when left out. */
  eventTypes?: readonly EventType[];
  /** Events handled per transaction (1,000 by default). */
  batchSize?: number;
  /**
   * Handles a batch of an organization's events, oldest first, in the transaction that takes
   * them off the subscriber's queue: they are gone exactly when what it wrote commits. Throwing
   * rolls the batch back onto the queue and retries the job (graphile-worker's backoff), without
   * touching any other subscriber's queue. At-least-once: a job that dies midway hands its batch
   * to the next one.
   */
  handle(tx: Prisma.TransactionClient, events: QueuedEvent[], context: SubscriberContext): Promise<void>;
}

export type SubscriberPayload = { organizationId: string; awaiting?: string[] | undefined };

const DEFAULT_BATCH = 1_000;
/** How long a job waits for the emitters that counted on it before it goes on without them. */
const BARRIER_TIMEOUT = "50ms";
/** When it went on without them: it runs again this much later for their events. */
const BARRIER_RETRY_MS = 100;

/** A subscriber's job of an organization: its job key and queue (as in `tenancy.wake_event_subscriber`). */
const subscriberKey = (name: string, organizationId: string) => `events:${name}:${organizationId}`;

/**
 * The job of a subscriber for one organization. Emitters queue it only when none is waiting to
 * start; those that saw one waiting count on it and hold a lock named after it until they
 * commit. Before its first read the job waits (briefly) for them; when one takes longer, it goes
 * on, and runs again a little later, then waiting for the same emitters (`awaiting`).
 */
export function subscriberTask(subscriber: EventSubscriber): TaskDefinition<SubscriberPayload> {
  const batchSize = subscriber.batchSize ?? DEFAULT_BATCH;
  const task: TaskDefinition<SubscriberPayload> = defineTask({
    identifier: subscriber.task,
    payload: z.object({ organizationId: z.uuid(), awaiting: z.array(z.string()).optional() }),
    async run({ organizationId, awaiting = [] }, context) {
      const { adminDb } = context.services;
      const pending = await barrier(adminDb, [context.jobId, ...awaiting]);
      let total = 0;
      for (;;) {
        const taken = await adminDb.$transaction(async (tx) => {
          const events = await takeQueued(tx, subscriber.name, organizationId, batchSize);
          if (events.length) await subscriber.handle(tx, events, { ...context, organizationId });
          return events.length;
        });
        total += taken;
        if (taken < batchSize) break;
      }
      if (pending.length) {
        context.log.debug(
          { organizationId, total, pending },
          "emitters still in flight; handling events again shortly",
        );
        const key = subscriberKey(subscriber.name, organizationId);
        await enqueue(
          adminDb,
          task,
          { organizationId, awaiting: pending },
          { jobKey: key, queueName: key, runAt: new Date(Date.now() + BARRIER_RETRY_MS) },
        );
      }
    },
  });
  return task;
}

/**
 * Takes a batch of the subscriber's queued events of an organization off its queue, oldest
 * first, with the events. Rows another transaction holds (a job of a previous key) are skipped.
 */
function takeQueued(
  tx: Prisma.TransactionClient,
  subscriber: string,
  organizationId: string,
  limit: number,
): Promise<QueuedEvent[]> {
  return tx.$queryRaw<QueuedEvent[]>`
    WITH batch AS (
      DELETE FROM event_deliveries d WHERE d.subscriber = ${subscriber} AND d.event_id IN (
        SELECT event_id FROM event_deliveries
        WHERE subscriber = ${subscriber} AND organization_id = ${organizationId}::uuid
        ORDER BY position LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING d.event_id, d.position
    )
    SELECT e.id, e.organization_id AS "organizationId", e.type, e.version, e.data, e.created_at AS "createdAt",
      e.depth
    FROM batch b JOIN domain_events e ON e.id = b.event_id
    ORDER BY b.position`;
}

/**
 * Waits until the emitters that counted on these jobs have ended (they hold the shared side of a
 * lock named after the job until they commit or roll back). Answers the jobs whose emitters took
 * longer than {@link BARRIER_TIMEOUT}: their events may still be to come.
 */
async function barrier(db: PrismaClient, jobIds: string[]): Promise<string[]> {
  const pending: string[] = [];
  for (const jobId of jobIds) {
    try {
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${BARRIER_TIMEOUT}'`);
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`events-job:${jobId}`}, 0))::text`;
      });
    } catch (error) {
      if (!lockTimedOut(error)) throw error;
      pending.push(jobId);
    }
  }
  return pending;
}

function lockTimedOut(error: unknown): boolean {
  const text = `${(error as { code?: string }).code ?? ""} ${(error as Error).message ?? ""} ${JSON.stringify((error as { meta?: unknown }).meta ?? {})}`;
  return /55P03|lock timeout/i.test(text);
}
