import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "../generated/prisma/client.js";

export { Prisma } from "../generated/prisma/client.js";
export type { PrismaClient };

/** A Prisma client over the `pg` driver adapter (no native engine). */
export function createPrisma(connectionString: string, max: number): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}
