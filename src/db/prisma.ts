import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";

export { Prisma } from "../generated/prisma/client.js";
export type { PrismaClient };

/**
 * A Prisma client over the `pg` driver adapter (no native engine). `onQuery` sees every SQL
 * statement sent (tests count them to prove lists load without N+1).
 */
export function createPrisma(connectionString: string, max: number, onQuery?: (sql: string) => void): PrismaClient {
  const adapter = new PrismaPg({ connectionString, max });
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => onQuery(event.query));
  return client;
}
