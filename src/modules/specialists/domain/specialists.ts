import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError } from "../../../errors.js";

/** A specialist of the active organization (row-level security hides the others), or not found. */
export async function findSpecialist(tx: Prisma.TransactionClient, id: string) {
  const specialist = await tx.specialist.findUnique({ where: { id } });
  if (!specialist) throw new NotFoundError("Specialist");
  return specialist;
}
