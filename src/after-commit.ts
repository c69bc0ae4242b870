import type { Logger } from "./logger.js";

/**
 * Runs a step that follows a committed change (releasing the consumed hold, telling live
 * subscribers): best-effort. Its failure (Redis or PostgreSQL unavailable for a moment) is logged
 * and never turns the committed change into an error; what it would have done is also done by
 * something else later (holds expire and are swept, subscribers get the next announcement).
 */
export async function afterCommit(log: Pick<Logger, "warn">, step: string, work: () => Promise<unknown>) {
  try {
    await work();
  } catch (error) {
    log.warn({ err: error, step }, "a step after the commit failed; the change stands");
  }
}
