import type { IncomingMessage } from "node:http";
import type { Plugin } from "graphql-yoga";
import type { TrustProxy } from "../../config/values.js";
import { RETRY_AFTER_SECONDS } from "../../errors.js";
import { errorTypes } from "../../graphql/error-types.js";
import { IMPERSONATED_PATIENT_HEADER } from "../../identity/impersonation.js";
import type { Logger } from "../../logger.js";
import { requestOrigin } from "../client-address.js";
import { requestIdOf, type V1ServerContext } from "../context.js";
import { isUtf8Body, isWellFormedJson } from "../request-guards.js";
import type { V1Request, V1Route } from "./route.js";
import { v1Routes } from "./routes.js";

/** Host name of the GraphQL requests `/v1` makes to itself (they are not access-logged twice). */
export const V1_INTERNAL_HOST = "v1.internal";

interface CompiledRoute extends V1Route {
  pattern: RegExp;
  paramNames: string[];
  field: string;
}

interface ErrorBody {
  error: { code: string; message: string; fields?: { path: string[]; message: string }[] };
}

/**
 * Codes that are not error types of the domain: the router's own and the GraphQL layer's
 * (authorization refusals). Every domain error type declares its own status (`errorTypes`).
 */
const platformStatuses: Record<string, number> = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
};

/** The HTTP status a code answers with, if it is one `/v1` knows. */
const statusOf = (code: string): number | undefined => errorTypes().get(code)?.httpStatus ?? platformStatuses[code];

/** Headers a `/v1` call passes on to the GraphQL operation it runs. */
const forwardedHeaders = [
  "authorization",
  "x-api-key",
  "idempotency-key",
  "user-agent",
  "x-forwarded-for",
  "x-impersonate-patient",
];

function compile(route: V1Route): CompiledRoute {
  const paramNames: string[] = [];
  const source = route.path.replace(/:([a-zA-Z]+)/g, (_, name: string) => {
    paramNames.push(name);
    return "([^/]+)";
  });
  const field = /\{\s*(\w+)/.exec(route.document.slice(route.document.indexOf("{")))?.[1];
  if (!field) throw new Error(`Route ${route.method} ${route.path}: its document selects no field`);
  return { ...route, pattern: new RegExp(`^${source}/?$`), paramNames, field };
}

const json = (status: number, body: unknown) =>
  status === 204
    ? new Response(null, { status })
    : new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json; charset=utf-8" } });

const fail = (code: string, message: string, fields?: ErrorBody["error"]["fields"]) => {
  const response = json(statusOf(code) ?? 500, {
    error: { code, message, ...(fields ? { fields } : {}) },
  } satisfies ErrorBody);
  // An outage is retryable: say when.
  if (response.status === 503) response.headers.set("retry-after", String(RETRY_AFTER_SECONDS));
  return response;
};

/** Why a body cannot be used, or the JSON object it holds. */
async function readBody(request: Request): Promise<{ body: Record<string, unknown> } | { refused: string }> {
  const bytes = await request.arrayBuffer();
  if (!bytes.byteLength) return { body: {} };
  // Invalid UTF-8 would decode to U+FFFD and be stored so: refused, never altered.
  if (!isUtf8Body(bytes)) return { refused: "Request body must be valid UTF-8" };
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return { refused: "Request body must be a JSON object" };
  }
  if (typeof body !== "object" || body === null || Array.isArray(body))
    return { refused: "Request body must be a JSON object" };
  if (!isWellFormedJson(body)) return { refused: "Request body holds text that is not well-formed Unicode" };
  return { body: body as Record<string, unknown> };
}

/** A path segment or query component decoded, or undefined when its percent-encoding is malformed or not UTF-8. */
function decodeComponent(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

/** Whether every component of a query string decodes (URLSearchParams would silently turn bad bytes into U+FFFD). */
const isDecodableQuery = (search: string) =>
  search
    .slice(1)
    .split("&")
    .every((part) => decodeComponent(part.replace(/\+/g, " ")) !== undefined);

/**
 * Serves `/v1/*`: matches method + path to a route, runs its GraphQL operation through the
 * same Yoga instance (`fetch`), and maps the result to JSON with HTTP status codes.
 */
export function useV1Router(
  graphqlFetch: () => (request: Request, serverContext: object) => Promise<Response>,
  log: Logger,
  trustProxy: TrustProxy,
): Plugin {
  const routes = v1Routes.map(compile);
  return {
    async onRequest({ request, url, endResponse, serverContext }) {
      if (!url.pathname.startsWith("/v1/") && url.pathname !== "/v1") return;
      const matches = routes.flatMap((route) => {
        const m = route.pattern.exec(url.pathname);
        return m ? [{ route, values: m.slice(1) }] : [];
      });
      if (!matches.length) return endResponse(fail("NOT_FOUND", `No route for ${url.pathname}`));
      const match = matches.find((m) => m.route.method === request.method);
      if (!match) return endResponse(fail("METHOD_NOT_ALLOWED", `${request.method} is not allowed on ${url.pathname}`));
      const decoded = match.values.map((value) => decodeComponent(value));
      if (decoded.some((value) => value === undefined) || !isDecodableQuery(url.search))
        return endResponse(fail("BAD_REQUEST", "The path or query string is not valid percent-encoded UTF-8"));
      const read = await readBody(request);
      if ("refused" in read) return endResponse(fail("BAD_REQUEST", read.refused));
      const body = read.body;
      const params = Object.fromEntries(match.route.paramNames.map((n, i) => [n, decoded[i] ?? ""]));
      const v1Request = {
        params,
        query: url.searchParams,
        body,
        headers: request.headers,
        requestId: requestIdOf(request),
        url,
      };
      // The server context (the socket) travels along: the operation sees the caller's address;
      // it runs on an internal URL, so URLs it hands out (local-disk files) name the caller's origin.
      const socketAddress = (serverContext as { req?: IncomingMessage }).req?.socket?.remoteAddress ?? null;
      const operationContext: V1ServerContext = {
        ...serverContext,
        v1Origin: requestOrigin(trustProxy, socketAddress, request.headers, request.url),
      };
      const fetchGraphQL = graphqlFetch();
      endResponse(await execute(match.route, v1Request, (r) => fetchGraphQL(r, operationContext), log));
    },
  };
}

async function execute(
  route: CompiledRoute,
  request: V1Request & { requestId: string; url: URL },
  graphqlFetch: (r: Request) => Promise<Response>,
  log: Logger,
) {
  const headers = new Headers({
    "content-type": "application/json",
    accept: "application/json",
    "x-request-id": request.requestId,
  });
  for (const name of forwardedHeaders) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const run = (query: string, variables: Record<string, unknown>) =>
    graphqlFetch(
      new Request(`http://${V1_INTERNAL_HOST}/graphql`, {
        method: "POST",
        headers,
        body: JSON.stringify({ query, variables }),
      }),
    );
  if (route.within) {
    const checked = await run(route.within.document, route.within.variables?.(request) ?? {});
    const result = (await checked.json()) as { data?: Record<string, unknown> | null; errors?: unknown[] };
    // An error (e.g. no credentials: 401) answers as the route's own operation would have.
    if (result.errors?.length)
      return mapResult(route, new Response(JSON.stringify(result), { status: checked.status }), log);
    const value = result.data ? Object.values(result.data)[0] : null;
    if (value === null || value === undefined || !route.within.found(value, request))
      return fail("NOT_FOUND", "Not found");
  }
  const response = await run(route.document, route.variables?.(request) ?? {});
  const answer = await mapResult(route, response, log);
  const impersonated = response.headers.get(IMPERSONATED_PATIENT_HEADER);
  if (impersonated) answer.headers.set(IMPERSONATED_PATIENT_HEADER, impersonated);
  return answer;
}

/**
 * The `/v1` answer to a GraphQL response: the root field's value, or the error with its HTTP
 * status. A mutation that succeeded is answered as a success even when a field read back for
 * the answer failed (its value is null; the error is logged): the change is committed.
 */
async function mapResult(route: CompiledRoute, response: Response, log: Logger): Promise<Response> {
  const result = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string } }[];
  };
  const value = result.data?.[route.field];
  const [error] = result.errors ?? [];
  if (error && isMutation(route) && succeeded(value)) {
    log.warn(
      { route: `${route.method} ${route.path}`, errors: result.errors },
      "the change committed but part of its answer could not be read; answering what was read",
    );
  } else if (error) {
    // GraphQL's bad input is /v1's bad request.
    const code = error.extensions?.code === "BAD_USER_INPUT" ? "BAD_REQUEST" : error.extensions?.code;
    if (code && statusOf(code) !== undefined) return fail(code, error.message);
    // Errors raised before execution (authentication: 401) keep the status Yoga gave them.
    if (code && response.status >= 400 && response.status < 500)
      return json(response.status, { error: { code, message: error.message } });
    if (!code || code === "BAD_USER_INPUT" || code === "GRAPHQL_VALIDATION_FAILED" || code === "GRAPHQL_PARSE_FAILED")
      return fail("BAD_REQUEST", error.message);
    return fail("INTERNAL", "Unexpected error");
  }
  if (value === null || value === undefined) return fail("NOT_FOUND", "Not found");
  if (typeof value === "object" && "code" in value && "message" in value && !("data" in value)) {
    const e = value as { code: string; message: string; fields?: ErrorBody["error"]["fields"] };
    return fail(e.code, e.message, e.fields);
  }
  const payload = typeof value === "object" && "data" in value && "__typename" in value ? value.data : value;
  return json(route.status ?? 200, route.body ? route.body(payload) : payload);
}

const isMutation = (route: CompiledRoute) => /^\s*mutation\b/.test(route.document);

/** The root field answered (a success payload, not a typed error). */
function succeeded(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  return "data" in value || !("code" in value && "message" in value);
}
