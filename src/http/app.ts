import { useGraphQLSSE } from "@graphql-yoga/plugin-graphql-sse";
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import { createYoga, type Plugin, useReadinessCheck, type YogaServerInstance } from "graphql-yoga";
import { Registry } from "prom-client";
import { IMPERSONATED_PATIENT_HEADER } from "../auth/impersonation.js";
import type { Context } from "../graphql/context.js";
import { schema } from "../graphql/schema.js";
import { useBookingWidget } from "../modules/booking-widget/use-booking-widget.js";
import { useSharedSubscriptionResults } from "../modules/scheduling/shared-results.js";
import type { Services } from "../services.js";
import { useLocalFiles } from "../storage/use-local-files.js";
import { buildContext, impersonatedPatientOf, requestIdOf } from "./context.js";
import { guardRequestHook, useErrorCodes, useWellFormedGraphQLText } from "./request-guards.js";
import { useRequestDatabase } from "./use-request-database.js";
import { useV1Router, V1_INTERNAL_HOST } from "./v1/router.js";

export type App = ReturnType<typeof buildApp>;

/**
 * The HTTP application: GraphQL (`/graphql`, SSE in distinct-connections mode on the same path,
 * single-connection mode on `/graphql/stream`), `/v1`, the booking widget (`/widget/:slug`),
 * `/healthz`, `/readyz`, `/metrics`.
 * Separate from listening, so tests and tools can call `app.fetch` directly.
 */
export function buildApp(
  services: Services,
  options: { isShuttingDown?: () => boolean } = {},
): YogaServerInstance<Record<string, never>, Context> {
  const { config, log } = services;
  const yoga: YogaServerInstance<Record<string, never>, Context> = createYoga<Record<string, never>, Context>({
    schema,
    context: (initial) => buildContext(initial, services),
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/healthz",
    landingPage: false,
    graphiql: config.graphql.graphiql ? { title: "ClinicGraph", subscriptionsProtocol: "GRAPHQL_SSE" } : false,
    maskedErrors: { isDev: config.env !== "production" },
    logging: {
      debug: (...args) => log.debug(args.map(String).join(" ")),
      info: (...args) => log.info(args.map(String).join(" ")),
      warn: (...args) => log.warn(args.map(String).join(" ")),
      error: (...args) => log.error({ err: args.find((a) => a instanceof Error) }, args.map(String).join(" ")),
    },
    // Every plugin's `onRequest` is guarded: whatever throws there is a JSON 500 with a request id.
    plugins: [
      useRequestLog(services),
      useRequestDatabase(),
      useWellFormedGraphQLText(),
      useErrorCodes(),
      useGraphQLSSE({ endpoint: "/graphql/stream" }),
      // Subscribers of the same live timeslots share each message's execution and JSON.
      useSharedSubscriptionResults(),
      usePrometheus({ endpoint: "/metrics", registry: new Registry(), labels: { method: true, statusCode: true } }),
      useReadinessCheck({
        endpoint: "/readyz",
        check: async () => {
          if (options.isShuttingDown?.()) return false;
          await services.appDb.$queryRaw`SELECT 1`;
          if (services.redis) await services.redis.ping();
          return true;
        },
      }),
      useV1Router(() => async (request, serverContext) => yoga.fetch(request, serverContext as Record<string, never>)),
      useBookingWidget(
        () => async (request, serverContext) => yoga.fetch(request, serverContext as Record<string, never>),
      ),
      // Without any S3, this server is the object store: it serves the URLs it signs.
      ...(services.storage.kind === "local" ? [useLocalFiles(services.storage.files)] : []),
    ].map((plugin) => guardRequestHook(plugin, log)),
  });
  return yoga;
}

/**
 * Echoes the request id on every response (a client can quote it when reporting a problem),
 * marks responses to requests made as an impersonated patient, and writes one access-log line
 * per request.
 */
function useRequestLog({ log }: Services): Plugin {
  const started = new WeakMap<Request, number>();
  return {
    onRequest({ request }) {
      started.set(request, performance.now());
    },
    onResponse({ request, response }) {
      const requestId = requestIdOf(request);
      response.headers.set("x-request-id", requestId);
      const impersonatedPatient = impersonatedPatientOf(request);
      if (impersonatedPatient) response.headers.set(IMPERSONATED_PATIENT_HEADER, impersonatedPatient);
      const { pathname, host } = new URL(request.url);
      if (pathname === "/healthz" || pathname === "/metrics" || host === V1_INTERNAL_HOST) return;
      const ms = Math.round((performance.now() - (started.get(request) ?? performance.now())) * 10) / 10;
      const impersonated = response.headers.get(IMPERSONATED_PATIENT_HEADER) ?? undefined;
      log.info(
        { requestId, method: request.method, path: pathname, status: response.status, ms, impersonated },
        "request",
      );
    },
  };
}
