import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";
import type { Logger } from "../logger.js";

export { Prisma } from "../generated/prisma/client.js";
export type { PrismaClient };

/** Default of {@link PrismaOptions.acquireTimeoutMs}. */
const ACQUIRE_TIMEOUT_MS = 5_000;

export interface PrismaOptions {
  /**
   * How long a query or transaction waits for a pooled connection, or for a new one to be made,
   * before it fails (and the request answers 503): bounded, so an outage fails fast instead of hanging.
   * @default 5000
   */
  acquireTimeoutMs?: number;
  /** Where dropped connections are logged (idle ones, and ones in use by a transaction). */
  log?: Pick<Logger, "warn">;
}

/**
 * A Prisma client over the `pg` driver adapter (no native engine). `onQuery` sees every SQL
 * statement sent (tests count them to prove lists load without N+1).
 */
export function createPrisma(
  connectionString: string,
  max: number,
  onQuery?: (sql: string) => void,
  options: PrismaOptions = {},
): PrismaClient {
  const acquireTimeoutMs = options.acquireTimeoutMs ?? ACQUIRE_TIMEOUT_MS;
  const { log } = options;
  // A connection PostgreSQL drops (restart, failover, a proxy's reset) is logged and replaced:
  // without these handlers `pg` would raise it as an uncaught 'error' event.
  const adapter = new PrismaPg(
    { connectionString, max, connectionTimeoutMillis: acquireTimeoutMs, keepAlive: true },
    {
      onPoolError: (error) => log?.warn({ err: error }, "database connection lost (idle)"),
      onConnectionError: (error) => log?.warn({ err: error }, "database connection lost (in a transaction)"),
    },
  );
  // Every scoped query runs in a transaction; in a burst of more requests than the pool has
  // connections they queue (Prisma's default 2 s wait for one is too short for a burst), but
  // never longer than the acquisition timeout: an outage then fails fast with 503.
  const transactionOptions = { maxWait: acquireTimeoutMs };
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}
