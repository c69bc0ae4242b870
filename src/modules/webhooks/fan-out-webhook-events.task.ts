import { z } from "zod";
import type { PrismaClient } from "../../db/prisma.js";
import { enqueue } from "../../jobs/enqueue.js";
import { defineTask } from "../../jobs/task.js";
import { wakeDeliveries } from "./deliver-webhooks.task.js";

/** Events taken per transaction: one multi-row insert of their attempts. */
const BATCH = 1_000;
/** How long a fan-out waits for the emitters that counted on it before it goes on without them. */
const BARRIER_TIMEOUT = "50ms";
/** When it went on without them: it runs again this much later for their events. */
const BARRIER_RETRY_MS = 100;

/** The organization's fan-out: one queued or running at a time (see `tenancy.wake_webhook_fan_out`). */
export const fanOutKey = (organizationId: string) => `webhook-fan-out:${organizationId}`;

/**
 * Fans out every event of an organization waiting in `webhook_fan_outs`, oldest first, a batch
 * per transaction: the batch's first attempt to every enabled endpoint that wants each event
 * (one multi-row insert, in the events' order), its queue rows deleted, and the endpoints'
 * delivery runs woken, all together. A crash midway leaves the batch queued; it is fanned out
 * again, and nothing is scheduled twice.
 *
 * Emitters queue this job only when none is waiting to start; those that saw one waiting count
 * on it and hold a lock named after it until they commit. Before its first read the job waits
 * (briefly) for them; when one takes longer, it goes on, and runs again a little later, then
 * waiting for the same emitters (`awaiting`).
 */
export const fanOutWebhookEvents = defineTask({
  identifier: "fan_out_webhook_events",
  payload: z.object({ organizationId: z.uuid(), awaiting: z.array(z.string()).optional() }),
  async run({ organizationId, awaiting = [] }, { services, log, jobId }) {
    const { adminDb } = services;
    const pending = await barrier(adminDb, [jobId, ...awaiting]);
    let total = 0;
    for (;;) {
      const taken = await adminDb.$transaction(async (tx) => {
        const [batch] = await tx.$queryRaw<{ taken: number; endpoints: string[] }[]>`
          WITH batch AS (
            DELETE FROM webhook_fan_outs f WHERE f.event_id IN (
              SELECT event_id FROM webhook_fan_outs WHERE organization_id = ${organizationId}::uuid
              ORDER BY position LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
            RETURNING f.event_id, f.position
          ), scheduled AS (
            INSERT INTO webhook_deliveries (organization_id, subscription_id, event_id, trigger, attempt, due_at)
            SELECT s.organization_id, s.id, e.id, 'event', 1, e.created_at
            FROM batch b JOIN webhook_events e ON e.id = b.event_id
            JOIN webhook_subscriptions s ON s.organization_id = e.organization_id AND s.enabled
              AND (s.event_types = '{}' OR e.type = ANY (s.event_types))
            ORDER BY b.position, s.id
            ON CONFLICT (subscription_id, event_id, attempt) WHERE trigger = 'event' DO NOTHING
            RETURNING subscription_id
          )
          SELECT (SELECT count(*) FROM batch)::int AS taken,
            array(SELECT DISTINCT subscription_id FROM scheduled)::text[] AS endpoints`;
        if (batch?.endpoints.length) await wakeDeliveries(tx, batch.endpoints);
        return batch?.taken ?? 0;
      });
      total += taken;
      if (taken < BATCH) break;
    }
    if (pending.length) {
      log.debug({ organizationId, total, pending }, "emitters still in flight; fanning out again shortly");
      await enqueue(
        adminDb,
        fanOutWebhookEvents,
        { organizationId, awaiting: pending },
        { jobKey: fanOutKey(organizationId), queueName: fanOutKey(organizationId), runAt: later() },
      );
    }
  },
});

const later = () => new Date(Date.now() + BARRIER_RETRY_MS);

/**
 * Waits until the emitters that counted on these fan-out jobs have ended (they hold the shared
 * side of a lock named after the job until they commit or roll back). Answers the jobs whose
 * emitters took longer than {@link BARRIER_TIMEOUT}: their events may still be to come.
 */
async function barrier(db: PrismaClient, jobIds: string[]): Promise<string[]> {
  const pending: string[] = [];
  for (const jobId of jobIds) {
    try {
      await db.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`SET LOCAL lock_timeout = '${BARRIER_TIMEOUT}'`);
        await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`webhook-fan-out-job:${jobId}`}, 0))::text`;
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
