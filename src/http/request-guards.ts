import { isUtf8 } from "node:buffer";
import { PothosValidationError } from "@pothos/core";
import { GraphQLError } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { Logger } from "../logger.js";

/** Whether every string in a JSON value (keys included) is well-formed Unicode (no lone surrogates such as `"\ud800"`). */
export function isWellFormedJson(value: unknown): boolean {
  if (typeof value === "string") return (value as string & { isWellFormed(): boolean }).isWellFormed();
  if (Array.isArray(value)) return value.every(isWellFormedJson);
  if (typeof value === "object" && value !== null)
    return Object.entries(value).every(([k, v]) => isWellFormedJson(k) && isWellFormedJson(v));
  return true;
}

/** Whether the bytes of a body are valid UTF-8 (else decoding would silently turn them into U+FFFD). */
export const isUtf8Body = (bytes: ArrayBuffer) => isUtf8(bytes);

const graphqlPaths = new Set(["/graphql", "/graphql/stream"]);

const badRequest = (message: string) =>
  createGraphQLError(message, { extensions: { code: "BAD_REQUEST", http: { status: 400 } } });

/**
 * Refuses GraphQL requests whose text would be altered on the way in: a body that is not valid
 * UTF-8 (400 before parsing), or a query or variables holding lone UTF-16 surrogates (400), which
 * PostgreSQL could not store either. Patient data is never silently replaced by U+FFFD.
 */
export function useWellFormedGraphQLText(): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!graphqlPaths.has(url.pathname) || request.method === "GET" || request.method === "HEAD") return;
      if (isUtf8Body(await request.clone().arrayBuffer())) return;
      endResponse(
        new Response(
          JSON.stringify({
            errors: [{ message: "Request body must be valid UTF-8", extensions: { code: "BAD_REQUEST" } }],
          }),
          { status: 400, headers: { "content-type": "application/json; charset=utf-8" } },
        ),
      );
    },
    onParams({ params }) {
      if (!isWellFormedJson([params.query ?? "", params.operationName ?? "", params.variables ?? null]))
        throw badRequest("Request holds text that is not well-formed Unicode (a lone surrogate)");
    },
  };
}

/** The answer to a failure nobody handled: JSON in the `/v1` error shape, never a stack trace or plain text. */
export const internalErrorResponse = () =>
  new Response(JSON.stringify({ error: { code: "INTERNAL", message: "Unexpected error" } }), {
    status: 500,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

/**
 * A plugin whose `onRequest` cannot fail the request with the HTTP adapter's default (a 500 in
 * plain text with the stack trace, without `x-request-id`): a throw is logged and answered with
 * {@link internalErrorResponse}, which then passes through the `onResponse` hooks like any answer.
 */
export function guardRequestHook<P extends Plugin>(plugin: P, log: Logger): P {
  const onRequest = plugin.onRequest;
  if (!onRequest) return plugin;
  return {
    ...plugin,
    onRequest: async (payload: Parameters<typeof onRequest>[0]) => {
      try {
        await onRequest(payload);
      } catch (error) {
        log.error({ err: error, path: payload.url.pathname }, "request failed before GraphQL");
        payload.endResponse(internalErrorResponse());
      }
    },
  };
}

/**
 * Gives every GraphQL error an `extensions.code`: bad input (a malformed global id Pothos refused,
 * variables that do not fit) is `BAD_USER_INPUT`, anything else without a code `INTERNAL_SERVER_ERROR`.
 * Clients, and `/v1`, can then tell every error apart by its code.
 */
export function useErrorCodes(): Plugin {
  const withCode = (error: GraphQLError): GraphQLError => {
    if (error.extensions?.code) return error;
    const original = error.originalError;
    // Without a path the error is the request's (its variables), not a field's: bad input too.
    const code =
      original instanceof PothosValidationError || error instanceof PothosValidationError || !error.path
        ? "BAD_USER_INPUT"
        : "INTERNAL_SERVER_ERROR";
    return new GraphQLError(error.message, {
      nodes: error.nodes,
      source: error.source,
      positions: error.positions,
      path: error.path,
      originalError: original,
      extensions: { ...error.extensions, code },
    });
  };
  return {
    onExecutionResult({ result, setResult }) {
      if (!result || Symbol.asyncIterator in result) return;
      if (!result.errors?.some((e) => !e.extensions?.code)) return;
      setResult({ ...result, errors: result.errors.map((e) => withCode(e as GraphQLError)) });
    },
  };
}
