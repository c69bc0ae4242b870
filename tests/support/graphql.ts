import { createClient } from "graphql-sse";
import type { TypedDocumentString } from "../generated/graphql.js";
import { mutationCheck, requestStart, retryKeyOf } from "./audit-trail.js";

export interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; path?: string[]; extensions?: Record<string, unknown> }[];
}

/** The database id inside a GraphQL global id (`base64("Type:id")`), e.g. to compare with audit rows. */
export const uuidOf = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1] as string;

/** The GraphQL global id of a row, e.g. of one the test wrote with the owner connection. */
export const globalId = (type: string, uuid: string) => Buffer.from(`${type}:${uuid}`).toString("base64");

/** POSTs a typed document to `/graphql` the way a browser client does. */
export async function gql<TResult, TVariables>(
  baseUrl: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<TResult>> {
  const check = mutationCheck(baseUrl, document.toString());
  const since = requestStart();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json", ...headers },
    body: JSON.stringify({ query: check?.query ?? document.toString(), variables }),
  });
  const result = (await response.json()) as GraphQLResponse<TResult>;
  await check?.verify(result as never, response.headers.get("x-request-id"), since, retryKeyOf(headers, variables));
  return result;
}

/** Like {@link gql}, but fails the test on any GraphQL error and returns `data`. */
export async function gqlData<TResult, TVariables>(
  baseUrl: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Promise<TResult> {
  const result = await gql(baseUrl, document, variables, headers);
  if (result.errors?.length || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
  return result.data;
}

export interface Subscription<T> {
  /** Resolves with the next event, or rejects after `timeoutMs`. */
  next(timeoutMs?: number): Promise<T>;
  /** Resolves once the server has accepted the stream. */
  ready: Promise<void>;
  close(): void;
}

/** Subscribes over SSE with graphql-sse's own client (distinct-connections mode on `/graphql`). */
export function subscribe<TResult, TVariables>(
  baseUrl: string,
  document: TypedDocumentString<TResult, TVariables>,
  variables?: TVariables,
  headers: Record<string, string> = {},
): Subscription<TResult> {
  const queue: TResult[] = [];
  const waiters: ((value: TResult) => void)[] = [];
  let failed: unknown;
  let markReady: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    markReady = resolve;
  });
  const client = createClient({
    url: `${baseUrl}/graphql`,
    headers,
    retryAttempts: 0,
    onMessage: () => markReady(),
    fetchFn: async (input: RequestInfo | URL, init?: RequestInit) => {
      const response = await fetch(input, init);
      markReady();
      return response;
    },
  });
  const dispose = client.subscribe<TResult>(
    { query: document.toString(), variables: variables as Record<string, unknown> | undefined },
    {
      next: (message) => {
        if (message.errors?.length) failed = new Error(JSON.stringify(message.errors));
        const value = message.data as TResult;
        const waiter = waiters.shift();
        if (waiter) waiter(value);
        else queue.push(value);
      },
      error: (error) => {
        failed = error;
      },
      complete: () => {},
    },
  );
  return {
    ready,
    next: (timeoutMs = 5_000) => {
      if (failed) return Promise.reject(failed);
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise<TResult>((resolve, reject) => {
        const timer = setTimeout(
          () => reject(failed ?? new Error(`no subscription event within ${timeoutMs} ms`)),
          timeoutMs,
        );
        waiters.push((value) => {
          clearTimeout(timer);
          resolve(value);
        });
      });
    },
    close: () => {
      dispose();
      client.dispose();
    },
  };
}

/**
 * Repeats `act` until the subscription yields an event (a Redis SUBSCRIBE is acknowledged
 * asynchronously, so the first publication can race the subscriber joining).
 */
export async function actUntilReceived<T>(
  subscription: Subscription<T>,
  act: () => Promise<unknown>,
  attempts = 8,
): Promise<T> {
  await subscription.ready;
  for (let i = 1; ; i++) {
    await act();
    try {
      return await subscription.next(1_500);
    } catch (error) {
      if (i >= attempts) throw error;
    }
  }
}
