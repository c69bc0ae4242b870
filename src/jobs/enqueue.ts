import { Prisma } from "../db/prisma.js";
import type { TaskDefinition } from "./task.js";

export interface EnqueueOptions {
  runAt?: Date;
  /** Deduplicates: a pending job with the same key is replaced. */
  jobKey?: string;
  maxAttempts?: number;
  /** Jobs in one queue run one at a time, in order. */
  queueName?: string;
}

/** One job to queue, its payload checked against the task's schema (see {@link enqueueAll}). */
export function job<Payload>(
  task: TaskDefinition<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Prisma.Sql {
  const checked = task.payload.parse(payload);
  return Prisma.sql`tenancy.enqueue_job(${task.identifier}, ${JSON.stringify(checked)}::json,
    ${options.runAt ?? null}::timestamptz, ${options.jobKey ?? null}, ${options.maxAttempts ?? null}::int,
    ${options.queueName ?? null})`;
}

/**
 * Queues jobs inside the caller's transaction, so they exist exactly when the change that
 * caused them commits; several in one statement.
 */
export async function enqueueAll(tx: Prisma.TransactionClient, jobs: Prisma.Sql[]): Promise<void> {
  await tx.$executeRaw`SELECT ${Prisma.join(jobs)}`;
}

/** Queues one job inside the caller's transaction ({@link enqueueAll}). */
export function enqueue<Payload>(
  tx: Prisma.TransactionClient,
  task: TaskDefinition<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<void> {
  return enqueueAll(tx, [job(task, payload, options)]);
}
