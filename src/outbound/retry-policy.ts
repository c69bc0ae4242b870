/** Retry-After values above this are not waited for in full. */
const MAX_RETRY_AFTER_MS = 24 * 3_600_000;

/**
 * What an attempt's answer means: delivered; worth another attempt (no answer, timeout,
 * 3xx, 408, 429, 5xx); failed for good (other 4xx, or an address that may not be called);
 * or the endpoint is gone (410), which disables it.
 */
export type Verdict = "succeeded" | "retry" | "failed" | "gone";

export function verdictOf(statusCode: number | null, refused: boolean): Verdict {
  if (statusCode === null) return refused ? "failed" : "retry";
  if (statusCode >= 200 && statusCode < 300) return "succeeded";
  if (statusCode === 410) return "gone";
  if (statusCode >= 400 && statusCode < 500 && statusCode !== 408 && statusCode !== 429) return "failed";
  return "retry";
}

/**
 * How long to wait before attempt `attempt + 1`, or null when the schedule is exhausted: the
 * schedule's step with ±20 % jitter (so endpoints coming back are not hit by every sender at
 * once), and never less than the endpoint's Retry-After.
 */
export function retryDelay(
  schedule: readonly number[],
  attempt: number,
  retryAfterMs: number | null,
  random: () => number = Math.random,
): number | null {
  const step = schedule[attempt - 1];
  if (step === undefined) return null;
  const jittered = Math.round(step * (0.8 + 0.4 * random()));
  return Math.max(jittered, Math.min(retryAfterMs ?? 0, MAX_RETRY_AFTER_MS));
}

/** `Retry-After` (seconds, or an HTTP date) in milliseconds from `now`. */
export function parseRetryAfter(value: string | undefined, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
