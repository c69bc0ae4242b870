import http from "node:http";
import https from "node:https";
import { isIP } from "node:net";
import type { Config } from "../../../config/config.js";
import { parseRetryAfter } from "../../../outbound/retry-policy.js";
import { version } from "../../system/version.js";
import { guardedLookup, hostOf, RefusedAddressError, refusal } from "./endpoint-address.js";

/** How much of a response body the delivery log keeps. */
const RESPONSE_EXCERPT_BYTES = 1024;
/** A response body larger than this is cut off (the connection is dropped). */
const MAX_RESPONSE_BYTES = 1024 * 1024;

const agents = {
  "http:": new http.Agent({ keepAlive: true }),
  "https:": new https.Agent({ keepAlive: true }),
};

/** What one attempt to deliver a message got. */
export interface AttemptResult {
  startedAt: Date;
  statusCode: number | null;
  durationMs: number;
  responseExcerpt: string | null;
  error: string | null;
  retryAfterMs: number | null;
  /** The endpoint's address may not be called (see `endpoint-address.ts`). */
  refused: boolean;
}

export interface Message {
  id: string;
  body: string;
  signature: (timestamp: number) => string;
}

/**
 * POSTs a signed message (Standard Webhooks headers) to an endpoint. Sends no credential of
 * the product, follows no redirect, gives up after WEBHOOK_TIMEOUT_MS (answer included) and
 * connects only to addresses the policy allows.
 */
export async function sendMessage(config: Config["webhooks"], url: string, message: Message): Promise<AttemptResult> {
  const startedAt = new Date();
  const started = performance.now();
  const target = new URL(url);
  const result = (fields: Partial<AttemptResult>): AttemptResult => ({
    startedAt,
    statusCode: null,
    responseExcerpt: null,
    error: null,
    retryAfterMs: null,
    refused: false,
    ...fields,
    durationMs: Math.round(performance.now() - started),
  });
  const literal = isIP(hostOf(target)) ? refusal(config, hostOf(target), hostOf(target)) : null;
  if (literal) return result({ error: literal, refused: true });

  const timestamp = Math.floor(Date.now() / 1000);
  const signal = AbortSignal.timeout(config.timeoutMs);
  try {
    const response = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const protocol = target.protocol === "https:" ? "https:" : "http:";
      const request = (protocol === "https:" ? https : http).request(
        target,
        {
          method: "POST",
          agent: agents[protocol],
          lookup: guardedLookup(config),
          signal,
          headers: {
            "content-type": "application/json",
            "content-length": Buffer.byteLength(message.body),
            "user-agent": `ClinicGraph-Webhooks/${version}`,
            "webhook-id": message.id,
            "webhook-timestamp": String(timestamp),
            "webhook-signature": message.signature(timestamp),
          },
        },
        resolve,
      );
      request.on("error", reject);
      request.end(message.body);
    });
    const excerpt: Buffer[] = [];
    let size = 0;
    for await (const chunk of response as AsyncIterable<Buffer>) {
      if (size < RESPONSE_EXCERPT_BYTES) excerpt.push(chunk);
      size += chunk.length;
      if (size > MAX_RESPONSE_BYTES) {
        response.destroy();
        break;
      }
    }
    const text = Buffer.concat(excerpt).subarray(0, RESPONSE_EXCERPT_BYTES).toString("utf8").replaceAll("\u0000", "");
    const statusCode = response.statusCode ?? null;
    return result({
      statusCode,
      responseExcerpt: text || null,
      retryAfterMs: parseRetryAfter(response.headers["retry-after"]),
      error: statusCode !== null && statusCode >= 300 && statusCode < 400 ? "redirects are not followed" : null,
    });
  } catch (error) {
    if (error instanceof RefusedAddressError) return result({ error: error.message, refused: true });
    if (signal.aborted) return result({ error: `timed out after ${config.timeoutMs} ms` });
    const code = (error as NodeJS.ErrnoException).code;
    return result({ error: code ? `${code}: ${(error as Error).message}` : String((error as Error).message ?? error) });
  }
}
