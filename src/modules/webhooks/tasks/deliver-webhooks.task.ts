import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import type { Container } from "../../../container.js";
import type { Prisma, PrismaClient } from "../../../db/prisma.js";
import { emitEvent, handlingEvent } from "../../../events/index.js";
import { type EnqueueOptions, enqueue } from "../../../jobs/enqueue.js";
import { defineTask } from "../../../jobs/task.js";
import { type MadeAttempt, type Outcomes, outcomesOf } from "../domain/attempt-outcomes.js";
import { sendMessage } from "../domain/send-message.js";
import { signatureHeader } from "../domain/signing.js";
import { activeSigningSecrets } from "../domain/signing-secrets.js";

/** Due attempts read at once, per request allowed in flight (WEBHOOK_ENDPOINT_CONCURRENCY). */
const PAGE_PER_REQUEST = 8;
/** A run takes no new page after this (shutdown and the queue never wait long); the next run goes on. */
const RUN_BUDGET_MS = 5_000;

/**
 * Makes an endpoint's due attempts (the `pending` rows of `webhook_deliveries`), page by page,
 * with up to WEBHOOK_ENDPOINT_CONCURRENCY requests in flight. The next page is read while one
 * is sent, and pages are recorded in order in the background (a page with failures is recorded
 * before the run goes on, so a disabled endpoint gets nothing more). Runs of one endpoint are
 * serial (its own graphile-worker queue): a slow endpoint holds one worker and never gets more
 * requests at once than allowed. A run killed midway leaves its attempts pending: the next run
 * makes them again (at-least-once, same `webhook-id`).
 */
export const deliverWebhooks = defineTask({
  identifier: "deliver_webhooks",
  payload: z.object({ subscriptionId: z.uuid() }),
  async run({ subscriptionId }, { services, log }) {
    const { adminDb, config } = services;
    // Before reading what is due: an attempt scheduled after that read queues another run.
    const [subscription] = await adminDb.webhookSubscription.updateManyAndReturn({
      where: { id: subscriptionId },
      data: { deliveryQueuedAt: null },
    });
    if (!subscription) return log.debug({ subscriptionId }, "webhook subscription is gone; nothing to deliver");
    const secrets = activeSigningSecrets(config.integrationsKey, subscription);
    const concurrency = config.webhooks.endpointConcurrency;
    const stopAt = Date.now() + RUN_BUDGET_MS;
    let enabled = subscription.enabled;
    /** Read by this run and not yet recorded: the next reads leave them out. */
    const taken = new Set<string>();
    const read = async () => {
      if (Date.now() >= stopAt) return [];
      const rows = await dueAttempts(adminDb, subscriptionId, taken, PAGE_PER_REQUEST * concurrency);
      for (const row of rows) taken.add(row.id);
      return rows;
    };
    let recording = Promise.resolve();
    let next = read();
    for (;;) {
      const due = await next;
      if (!due.length) {
        // What was scheduled meanwhile queued another run: make it now rather than hand over.
        if (Date.now() < stopAt && (await takeQueuedRun(adminDb, subscriptionId))) {
          next = read();
          continue;
        }
        break;
      }
      next = read();
      const made = await inParallel(
        due.filter((d) => enabled || d.trigger === "ping"),
        concurrency,
        async (d): Promise<MadeAttempt> => {
          const body = JSON.stringify({ type: d.type, timestamp: d.createdAt.toISOString(), data: d.data });
          const result = await sendMessage(config.webhooks, subscription.url, {
            id: d.eventId,
            body,
            signature: (timestamp) => signatureHeader(secrets, d.eventId, timestamp, body),
          });
          return { due: d, result };
        },
      );
      const outcomes = outcomesOf(config.webhooks, made);
      recording = recording.then(async () => {
        if (await record(services, subscription, outcomes)) enabled = false;
        for (const d of made) taken.delete(d.due.id);
      });
      // Handled here; awaited below, where a failure fails the job (its unrecorded attempts are made again).
      recording.catch(() => {});
      if (outcomes.failures.count) await recording;
    }
    await recording;
    // A disabled endpoint gets pings only; what else was scheduled is dropped (replay it once enabled).
    if (!enabled) {
      await adminDb.webhookDelivery.deleteMany({
        where: { subscriptionId, status: "pending", trigger: { not: "ping" } },
      });
    }
    const later = await adminDb.webhookDelivery.findFirst({
      where: { subscriptionId, status: "pending" },
      orderBy: { dueAt: "asc" },
      select: { dueAt: true },
    });
    if (later) await enqueue(adminDb, deliverWebhooks, { subscriptionId }, laterRun(subscriptionId, later.dueAt));
  },
});

/** Clears the endpoint's queued-run mark; true when it was set. */
async function takeQueuedRun(db: PrismaClient, subscriptionId: string) {
  const { count } = await db.webhookSubscription.updateMany({
    where: { id: subscriptionId, deliveryQueuedAt: { not: null } },
    data: { deliveryQueuedAt: null },
  });
  return count > 0;
}

interface DueAttempt {
  id: string;
  eventId: string;
  eventDepth: number;
  trigger: "event" | "replay" | "ping";
  attempt: number;
  type: string;
  data: unknown;
  createdAt: Date;
}

/** An endpoint's due attempts with their events, oldest first, but those in `taken`. */
function dueAttempts(db: PrismaClient, subscriptionId: string, taken: Set<string>, limit: number) {
  return db.$queryRaw<DueAttempt[]>`
    SELECT d.id, d.event_id AS "eventId", e.depth AS "eventDepth", d.trigger::text AS trigger, d.attempt, e.type, e.data,
      e.created_at AS "createdAt"
    FROM webhook_deliveries d JOIN domain_events e ON e.id = d.event_id
    WHERE d.subscription_id = ${subscriptionId}::uuid AND d.status = 'pending' AND d.due_at <= now()
      AND NOT (d.id = ANY (${[...taken]}::uuid[]))
    ORDER BY d.due_at, d.position
    LIMIT ${limit}`;
}

/** Runs of one endpoint share its queue: one runs at a time. */
const queueOf = (subscriptionId: string) => `webhook:${subscriptionId}`; // as in wakeDeliveries' SQL
/** Run when the next attempt is due (a retry, or the rest of a long queue). */
const laterRun = (subscriptionId: string, runAt: Date): EnqueueOptions => ({
  queueName: queueOf(subscriptionId),
  jobKey: `webhook-later:${subscriptionId}`,
  runAt,
});
/** A queued run that has not started after this long is taken for lost, and queued again. */
const LOST_RUN = "10 minutes";

/**
 * Queues a delivery run for each endpoint that has none waiting to start, in the caller's
 * transaction (the mark and the job commit together), in one statement. Many events make one
 * run, with no job key: graphile-worker's keyed jobs deadlock when many transactions replace
 * them at once. Every endpoint is locked, queued or not, in id order and without blocking the
 * foreign-key checks of concurrent fan-outs (NO KEY UPDATE): a run starting meanwhile clears
 * its mark only once the caller has committed, so its first read sees the caller's attempts;
 * and wake-ups cannot deadlock.
 */
export async function wakeDeliveries(tx: Prisma.TransactionClient, subscriptionIds: string[]) {
  await tx.$queryRaw`
    WITH locked AS MATERIALIZED (
      SELECT id, delivery_queued_at FROM webhook_subscriptions
      WHERE id = ANY (${subscriptionIds}::uuid[])
      ORDER BY id FOR NO KEY UPDATE
    ), woken AS (
      UPDATE webhook_subscriptions s SET delivery_queued_at = now() FROM locked
      WHERE s.id = locked.id
        AND (locked.delivery_queued_at IS NULL OR locked.delivery_queued_at < now() - ${LOST_RUN}::interval)
      RETURNING s.id
    )
    SELECT tenancy.enqueue_job(${deliverWebhooks.identifier}, json_build_object('subscriptionId', id), NULL, NULL,
      NULL, 'webhook:' || id)::text
    FROM woken`;
}

/** Schedules one attempt of an event to an endpoint, due now, in the caller's transaction (ping, replay). */
export async function scheduleDelivery(
  tx: Prisma.TransactionClient,
  delivery: { organizationId: string; subscriptionId: string; eventId: string; trigger: "replay" | "ping" },
) {
  await tx.webhookDelivery.create({ data: { ...delivery, attempt: 1 } });
  await wakeDeliveries(tx, [delivery.subscriptionId]);
}

interface Endpoint {
  id: string;
  organizationId: string;
  url: string;
  /** Kept current by {@link record} (runs of an endpoint, and their pages, are recorded one at a time). */
  consecutiveFailures: number;
}

/**
 * Records a page of attempts and what follows from them in one transaction: their rows, the
 * next attempts, the endpoint's count of failed messages, and disabling it on 410 Gone or at
 * WEBHOOK_MAX_CONSECUTIVE_FAILURES (with a `webhook.endpoint_disabled` event). True when it
 * disabled the endpoint.
 */
async function record({ adminDb, config }: Container, endpoint: Endpoint, outcomes: Outcomes): Promise<boolean> {
  const { reset, count } = outcomes.failures;
  // The usual page, every message delivered: one statement.
  if (!outcomes.retries.length && !count && !(reset && endpoint.consecutiveFailures)) {
    await markMade(adminDb, outcomes);
    return false;
  }
  return adminDb.$transaction(async (tx) => {
    await markMade(tx, outcomes);
    await tx.webhookDelivery.createMany({
      data: outcomes.retries.map((r) => ({
        ...r,
        organizationId: endpoint.organizationId,
        subscriptionId: endpoint.id,
      })),
    });
    if (!reset && !count) return false;
    const [counted] = await tx.$queryRaw<{ consecutive_failures: number }[]>`
      UPDATE webhook_subscriptions
      SET consecutive_failures = CASE WHEN ${reset} THEN 0 ELSE consecutive_failures END + ${count}
      WHERE id = ${endpoint.id}::uuid RETURNING consecutive_failures`;
    const failures = counted?.consecutive_failures ?? 0;
    endpoint.consecutiveFailures = failures;
    if (!outcomes.gone && failures < config.webhooks.maxConsecutiveFailures) return false;
    return disable(tx, endpoint, outcomes.gone ? "gone" : "failing", failures, outcomes.failedEvent);
  });
}

function markMade(db: Pick<Prisma.TransactionClient, "$executeRaw">, outcomes: Outcomes) {
  return db.$executeRaw`
    UPDATE webhook_deliveries d SET status = a.status::webhook_delivery_status, attempted_at = a.attempted_at,
      status_code = a.status_code, duration_ms = a.duration_ms, response_excerpt = a.response_excerpt,
      error = a.error, next_attempt_at = a.next_attempt_at
    FROM json_to_recordset(${JSON.stringify(outcomes.attempts)}::json) AS a(id uuid, status text,
      attempted_at timestamptz, status_code int, duration_ms int, response_excerpt text, error text,
      next_attempt_at timestamptz)
    WHERE d.id = a.id AND d.status = 'pending'`;
}

/**
 * Disables the endpoint and tells the organization's other endpoints, with the event whose
 * delivery failed as the cause: one step deeper than it, so a chain of endpoints disabled by
 * the messages that told them of one another shows in the depth.
 */
async function disable(
  tx: Prisma.TransactionClient,
  endpoint: Endpoint,
  reason: "gone" | "failing",
  failures: number,
  failedEvent: Outcomes["failedEvent"],
) {
  const disabledAt = new Date();
  const { count } = await tx.webhookSubscription.updateMany({
    where: { id: endpoint.id, enabled: true },
    data: { enabled: false, disabledReason: reason, disabledAt },
  });
  if (!count) return false;
  const emit = () =>
    emitEvent(tx, endpoint.organizationId, "webhook.endpoint_disabled", {
      subscriptionId: encodeGlobalID("WebhookSubscription", endpoint.id),
      url: endpoint.url,
      reason,
      consecutiveFailures: failures,
      disabledAt: disabledAt.toISOString(),
    });
  await (failedEvent ? handlingEvent(failedEvent, emit) : emit());
  return true;
}

/** `work` on every item, at most `limit` at a time; results in the items' order. */
async function inParallel<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const lane = async () => {
    for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i] as T);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
