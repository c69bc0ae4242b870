import type { Prisma } from "../db/prisma.js";
import type { TaskDefinition } from "./task.js";

export interface EnqueueOptions {
  runAt?: Date;
  /** Deduplicates: a pending job with the same key is replaced. */
  jobKey?: string;
  maxAttempts?: number;
  /** Jobs in one queue run one at a time, in order. */
  queueName?: string;
}

/**
 * Queues a job inside the caller's transaction, so it exists exactly when the change that
 * caused it commits. The payload is checked against the task's schema before it is written.
 */
export async function enqueue<Payload>(
  tx: Prisma.TransactionClient,
  task: TaskDefinition<Payload>,
  payload: Payload,
  options: EnqueueOptions = {},
): Promise<void> {
  const checked = task.payload.parse(payload);
  await tx.$executeRaw`SELECT tenancy.enqueue_job(${task.identifier}, ${JSON.stringify(checked)}::json,
    ${options.runAt ?? null}::timestamptz, ${options.jobKey ?? null}, ${options.maxAttempts ?? null}::int,
    ${options.queueName ?? null})`;
}
