import { parseRetryAfter } from "../../../../outbound/retry-policy.js";
import { VideoProviderError } from "../errors.js";

/** Where and as whom to call Daily.co's REST API: one organization's own key. */
export interface DailyConnection {
  /** e.g. `https://api.daily.co/v1`, without a trailing slash. */
  apiUrl: string;
  apiKey: string;
  timeoutMs: number;
}

/** Attempts of one request: the first and two retries. */
const MAX_ATTEMPTS = 3;
/** Waits before the 2nd and 3rd attempts: 250 ms, then 750 ms (±20 %). */
const BASE_DELAY_MS = 250;
/**
 * A longer Retry-After is not waited for inside a request (a member may be waiting for a
 * token); the request fails, and a job retries on graphile-worker's own backoff.
 */
const MAX_RETRY_AFTER_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => Math.round(BASE_DELAY_MS * 3 ** (attempt - 1) * (0.8 + 0.4 * Math.random()));
const retryable = (status: number) => status === 429 || status >= 500;

/** Daily's error body: `{ "error": "invalid-request-error", "info": "..." }`. */
function errorOf(status: number, body: unknown): VideoProviderError {
  const fields = typeof body === "object" && body !== null ? (body as Record<string, unknown>) : {};
  const error = typeof fields.error === "string" ? fields.error : null;
  const info = typeof fields.info === "string" ? fields.info : null;
  return new VideoProviderError(
    `Daily.co answered ${status}${error ? ` ${error}` : ""}${info ? `: ${info}` : ""}`,
    status,
    error,
    info,
  );
}

async function readJson(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

/**
 * One call to Daily's REST API, answered as parsed JSON. 5xx, 429, timeouts and network
 * errors are tried again ({@link MAX_ATTEMPTS} in all, with backoff, never sooner than a
 * short Retry-After); other answers outside 2xx throw a {@link VideoProviderError} at once.
 */
export async function dailyRequest(
  connection: DailyConnection,
  method: "GET" | "POST" | "DELETE",
  path: string,
  body?: unknown,
): Promise<unknown> {
  for (let attempt = 1; ; attempt++) {
    let failure: VideoProviderError;
    let waitMs = backoff(attempt);
    try {
      const response = await fetch(`${connection.apiUrl}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${connection.apiKey}`,
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(connection.timeoutMs),
      });
      const answer = await readJson(response);
      if (response.ok) return answer;
      failure = errorOf(response.status, answer);
      if (!retryable(response.status)) throw failure;
      const retryAfter = parseRetryAfter(response.headers.get("retry-after") ?? undefined);
      if (retryAfter !== null && retryAfter > MAX_RETRY_AFTER_MS) throw failure;
      waitMs = Math.max(waitMs, retryAfter ?? 0);
    } catch (error) {
      if (error instanceof VideoProviderError) throw error;
      const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
      failure = new VideoProviderError(
        timedOut
          ? `Daily.co did not answer within ${connection.timeoutMs} ms`
          : `Daily.co could not be reached: ${(error as Error).message}`,
        null,
      );
    }
    if (attempt >= MAX_ATTEMPTS) throw failure;
    await sleep(waitMs);
  }
}
