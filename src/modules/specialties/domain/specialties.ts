import { isUniqueViolation } from "../../../db/errors.js";
import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../errors.js";

/** A specialty of the active organization (row-level security hides the others), or not found. */
export async function findSpecialty(tx: Prisma.TransactionClient, id: string) {
  const specialty = await tx.specialty.findUnique({ where: { id } });
  if (!specialty) throw new NotFoundError("Specialty");
  return specialty;
}

/** Runs a write that sets a specialty's name; a name the organization already uses is a conflict. */
export async function withUniqueName<T>(name: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The organization already has a specialty named "${name}"`);
    throw error;
  }
}
