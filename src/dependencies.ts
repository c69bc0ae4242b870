import { ServiceUnavailableError } from "./errors.js";

/** The services a request depends on whose outage answers 503 rather than a bug's 500. */
export type Dependency = "database" | "redis";

/** Socket and driver codes of a connection that is gone or cannot be made. */
const CONNECTION_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ECONNABORTED",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "ENOTFOUND",
  "EAI_AGAIN",
]);

/** PostgreSQL SQLSTATEs of an unavailable server: connection exceptions, shutdown, start-up, too many connections. */
const isUnavailableSqlState = (code: string) => /^08/.test(code) || /^57P0[1-3]$/.test(code) || code === "53300";

/** Prisma's codes for an unreachable server, a closed connection, a pool or transaction start that timed out. */
const PRISMA_UNAVAILABLE = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2028"]);

/** Driver adapter error kinds (`@prisma/adapter-pg`) that say the database cannot be reached. */
const ADAPTER_UNAVAILABLE = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
]);

const DATABASE_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection due to|the database system is (starting up|shutting down|in recovery|not yet accepting)|Can't reach database server|Transaction already closed|Unable to start a transaction in the given time|Cannot use a pool after calling end/i;

/** What ioredis rejects commands with while it is disconnected or reconnecting. */
const REDIS_MESSAGES =
  /Connection is closed|Stream isn't writeable|Reached the max retries per request limit|Command timed out/i;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; code?: unknown; originalCode?: unknown } } };
  originalError?: unknown;
}

/**
 * Which dependency an error says is unavailable (PostgreSQL unreachable, restarting or dropping
 * connections; Redis down or reconnecting), or undefined for any other error. Follows `cause`
 * and GraphQL's `originalError`, so a wrapped error is recognised too.
 */
export function unavailableDependency(error: unknown, depth = 0): Dependency | undefined {
  if (!error || typeof error !== "object" || depth > 5) return undefined;
  if (error instanceof ServiceUnavailableError) return error.dependency;
  const e = error as ErrorLike;
  const name = typeof e.name === "string" ? e.name : "";
  const code = typeof e.code === "string" ? e.code : "";
  const message = typeof e.message === "string" ? e.message : "";
  if (name === "MaxRetriesPerRequestError" || REDIS_MESSAGES.test(message)) return "redis";
  const adapter = e.meta?.driverAdapterError?.cause;
  if (adapter) {
    if (typeof adapter.kind === "string" && ADAPTER_UNAVAILABLE.has(adapter.kind)) return "database";
    const sqlState = adapter.originalCode ?? adapter.code;
    if (typeof sqlState === "string" && isUnavailableSqlState(sqlState)) return "database";
  }
  if (name.startsWith("PrismaClient") && (PRISMA_UNAVAILABLE.has(code) || name === "PrismaClientInitializationError"))
    return "database";
  if (isUnavailableSqlState(code) || CONNECTION_CODES.has(code) || DATABASE_MESSAGES.test(message)) return "database";
  return unavailableDependency(e.cause, depth + 1) ?? unavailableDependency(e.originalError, depth + 1);
}

/** The error as a {@link ServiceUnavailableError} when it is a dependency's outage; otherwise itself. */
export function asServiceUnavailable(error: unknown): unknown {
  if (error instanceof ServiceUnavailableError) return error;
  const dependency = unavailableDependency(error);
  return dependency ? new ServiceUnavailableError(dependency, error) : error;
}
