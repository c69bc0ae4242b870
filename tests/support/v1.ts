import { requestStart, retryKeyOf, verifyV1Write } from "./audit-trail.js";
import type { Headers } from "./auth.js";

export interface V1Response {
  status: number;
  headers: globalThis.Headers;
  /** The parsed JSON body; null for 204. */
  // biome-ignore lint/suspicious/noExplicitAny: JSON of any shape; the tests' assertions check it.
  body: any;
}

/** Calls a `/v1` path as a REST client does, with an optional JSON body. */
export async function v1(
  url: string,
  method: string,
  path: string,
  headers: Headers = {},
  body?: unknown,
): Promise<V1Response> {
  const since = requestStart();
  const response = await fetch(`${url}${path}`, {
    method,
    headers: body === undefined ? headers : { ...headers, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  await verifyV1Write(
    url,
    method,
    path,
    response.status,
    response.headers.get("x-request-id"),
    since,
    retryKeyOf(headers as Record<string, string>, body),
  );
  return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : null };
}
