import type { Config } from "../../../config/config.js";
import { retryDelay, verdictOf } from "../../../outbound/retry-policy.js";
import type { AttemptResult } from "./send-message.js";

export interface MadeAttempt {
  due: { id: string; eventId: string; eventDepth: number; trigger: "event" | "replay" | "ping"; attempt: number };
  result: AttemptResult;
}

/** What a page of attempts to one endpoint comes to, for the delivery log and the endpoint's state. */
export interface Outcomes {
  /** Each attempt's row, now made. */
  attempts: {
    id: string;
    status: "succeeded" | "retrying" | "failed";
    attempted_at: Date;
    status_code: number | null;
    duration_ms: number;
    response_excerpt: string | null;
    error: string | null;
    next_attempt_at: Date | null;
  }[];
  /** The next attempts to schedule. */
  retries: { eventId: string; trigger: "event" | "replay"; attempt: number; dueAt: Date }[];
  /**
   * Messages that failed for good, in a row, at the end of the page; `reset` when a message
   * was delivered before them (the endpoint's count starts again from 0).
   */
  failures: { reset: boolean; count: number };
  /** An attempt answered 410 Gone. */
  gone: boolean;
  /**
   * The event of the last message that failed for good (of the first 410 Gone, if any): what
   * disabling the endpoint after this page is caused by.
   */
  failedEvent: { id: string; depth: number } | null;
}

/**
 * Applies the retry policy to a page of attempts, in the order they were due: a delivered
 * message resets the endpoint's failure count; one that can be retried gets its next attempt
 * (WEBHOOK_RETRY_SCHEDULE, Retry-After); one that cannot counts as a failed message. A ping
 * is a test: one attempt, and it changes nothing.
 */
export function outcomesOf(config: Config["webhooks"], page: MadeAttempt[], now = Date.now()): Outcomes {
  const outcomes: Outcomes = {
    attempts: [],
    retries: [],
    failures: { reset: false, count: 0 },
    gone: false,
    failedEvent: null,
  };
  for (const { due, result } of page) {
    const verdict = verdictOf(result.statusCode, result.refused);
    const delay =
      verdict === "retry" && due.trigger !== "ping"
        ? retryDelay(config.retrySchedule, due.attempt, result.retryAfterMs)
        : null;
    const nextAttemptAt = delay === null ? null : new Date(now + delay);
    outcomes.attempts.push({
      id: due.id,
      status: verdict === "succeeded" ? "succeeded" : nextAttemptAt ? "retrying" : "failed",
      attempted_at: result.startedAt,
      status_code: result.statusCode,
      duration_ms: result.durationMs,
      response_excerpt: result.responseExcerpt,
      error: result.error,
      next_attempt_at: nextAttemptAt,
    });
    if (due.trigger === "ping") continue;
    if (nextAttemptAt) {
      outcomes.retries.push({
        eventId: due.eventId,
        trigger: due.trigger,
        attempt: due.attempt + 1,
        dueAt: nextAttemptAt,
      });
    } else if (verdict === "succeeded") {
      outcomes.failures = { reset: true, count: 0 };
    } else {
      outcomes.failures.count++;
      if (!outcomes.gone) outcomes.failedEvent = { id: due.eventId, depth: due.eventDepth };
      outcomes.gone ||= verdict === "gone";
    }
  }
  return outcomes;
}
