import { useGraphQLSSE } from "@graphql-yoga/plugin-graphql-sse";
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import { GraphQLError } from "graphql";
import { createYoga, maskError, type Plugin, useReadinessCheck, type YogaServerInstance } from "graphql-yoga";
import { Registry } from "prom-client";
import type { Container } from "../container.js";
import { unavailableDependency } from "../dependencies.js";
import { RETRY_AFTER_SECONDS, ServiceUnavailableError } from "../errors.js";
import type { Context } from "../graphql/context.js";
import { schema } from "../graphql/schema.js";
import { IMPERSONATED_PATIENT_HEADER } from "../identity/impersonation.js";
import { useBookingWidget } from "../modules/booking-widget/index.js";
import { useSharedSubscriptionResults } from "../modules/scheduling/index.js";
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
  services: Container,
  options: { isShuttingDown?: () => boolean } = {},
): YogaServerInstance<Record<string, never>, Context> {
  const { config, log } = services;
  const databaseReady = readinessCheck(() => services.appDb.$queryRaw`SELECT 1`);
  const { redis } = services;
  const redisReady = redis ? readinessCheck(() => redis.ping()) : async () => true;
  // Checked once now, so the first /readyz already has a last known state to fall back on.
  void databaseReady();
  void redisReady();
  const yoga: YogaServerInstance<Record<string, never>, Context> = createYoga<Record<string, never>, Context>({
    schema,
    context: (initial) => buildContext(initial, services),
    graphqlEndpoint: "/graphql",
    healthCheckEndpoint: "/healthz",
    landingPage: false,
    graphiql: config.graphql.graphiql ? { title: "ClinicGraph", subscriptionsProtocol: "GRAPHQL_SSE" } : false,
    maskedErrors: { isDev: config.env !== "production", maskError: maskOutages },
    logging: {
      debug: (...args) => log.debug(args.map(String).join(" ")),
      info: (...args) => log.info(args.map(String).join(" ")),
      warn: (...args) => log.warn(args.map(String).join(" ")),
      error: (...args) => {
        const err = args.find((a) => a instanceof Error);
        // An outage is answered 503 and is not a bug: one warning line, not an error with its stack.
        const dependency = unavailableDependency(err);
        if (dependency) log.warn({ dependency, reason: err?.message.split("\n").pop() }, "dependency unavailable");
        else log.error({ err }, args.map(String).join(" "));
      },
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
          const results = await Promise.all([databaseReady(), redisReady()]);
          return results.every(Boolean);
        },
      }),
      useV1Router(
        () => async (request, serverContext) => yoga.fetch(request, serverContext as Record<string, never>),
        log,
        services.config.trustProxy,
      ),
      useBookingWidget(
        () => async (request, serverContext) => yoga.fetch(request, serverContext as Record<string, never>),
      ),
      // Without any S3, this server is the object store: it serves the URLs it signs.
      ...(services.storage.kind === "local" ? [useLocalFiles(services.storage.files)] : []),
    ].map((plugin) => guardRequestHook(plugin, log)),
  });
  return yoga;
}

/** How long /readyz waits for a check before answering with that check's last known result. */
const READINESS_CHECK_MS = 800;
/** Until a check has answered once (just after start-up, nothing known yet), it is waited for this long instead. */
const FIRST_READINESS_CHECK_MS = 3_000;

/**
 * A bounded readiness check of one dependency. One check runs at a time; /readyz waits for it at
 * most {@link READINESS_CHECK_MS} and otherwise answers the last result it had, so it answers
 * within a second whether the dependency is up, down or hanging, and a check that is merely
 * slow on a loaded machine does not flip readiness. The check's own result then updates it.
 */
function readinessCheck(check: () => Promise<unknown>): () => Promise<boolean> {
  let last: boolean | undefined;
  let running: Promise<boolean> | undefined;
  return async () => {
    running ??= check()
      .then(
        () => true,
        () => false,
      )
      .then((ok) => {
        last = ok;
        running = undefined;
        return ok;
      });
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<boolean | undefined>((resolve) => {
      timer = setTimeout(() => resolve(last), last === undefined ? FIRST_READINESS_CHECK_MS : READINESS_CHECK_MS);
    });
    try {
      return (await Promise.race([running, waited])) ?? false;
    } finally {
      clearTimeout(timer);
    }
  };
}

/**
 * Yoga's error masking, except that a dependency's outage becomes `SERVICE_UNAVAILABLE` (with
 * `dependency` and `retryAfterSeconds`) rather than an unexpected error. One raised before
 * execution (building the context: authentication reads the database) has no data to go with
 * it, so it answers HTTP 503 with `Retry-After`; one inside execution keeps the response's
 * status, so the data of the fields that did resolve still reach the client.
 */
function maskOutages(error: unknown, message: string, isDev?: boolean): Error {
  const dependency = unavailableDependency(error);
  if (!dependency) return maskError(error, message, isDev);
  const located = error instanceof GraphQLError ? error : undefined;
  const unavailable = new ServiceUnavailableError(dependency);
  return new GraphQLError(unavailable.message, {
    nodes: located?.nodes,
    source: located?.source,
    positions: located?.positions,
    path: located?.path,
    extensions: {
      code: unavailable.code,
      dependency,
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      ...(located?.path ? {} : { http: { status: 503, headers: { "retry-after": String(RETRY_AFTER_SECONDS) } } }),
    },
  });
}

/**
 * Echoes the request id on every response (a client can quote it when reporting a problem),
 * marks responses to requests made as an impersonated patient, and writes one access-log line
 * per request.
 */
function useRequestLog({ log }: Container): Plugin {
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
