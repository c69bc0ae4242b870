import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";

export { Prisma } from "../generated/prisma/client.js";
export type { PrismaClient };

/** How long a transaction may wait for a pooled connection before failing. */
const TRANSACTION_MAX_WAIT_MS = 15_000;

/**
 * A Prisma client over the `pg` driver adapter (no native engine). `onQuery` sees every SQL
 * statement sent (tests count them to prove lists load without N+1).
 */
export function createPrisma(connectionString: string, max: number, onQuery?: (sql: string) => void): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max });
  // Every scoped query runs in a transaction; in a burst of more requests than the pool has
  // connections they queue, and Prisma's default 2 s wait for one would fail them with a 500.
  const transactionOptions = { maxWait: TRANSACTION_MAX_WAIT_MS };
  if (!onQuery) return new PrismaClient({ adapter, transactionOptions });
  const client = new PrismaClient({ adapter, transactionOptions, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}
