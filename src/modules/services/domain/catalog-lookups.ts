import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError, ValidationError } from "../../../errors.js";

/** Refuses a list that names the same id twice, pointing at the second occurrence. */
export function assertDistinct(ids: string[], path: (string | number)[]) {
  const issues = ids.flatMap((id, index) =>
    ids.indexOf(id) < index ? [{ path: [...path, index], message: "is listed twice" }] : [],
  );
  if (issues.length) throw ValidationError.fromIssues(issues);
}

/**
 * Checks that every id names a row the caller can see (row-level security hides other
 * organizations'), so a foreign key never points into another tenant: any missing id is not found.
 */
export async function assertAllExist(
  ids: string[],
  entity: string,
  find: (ids: string[]) => Promise<{ id: string }[]>,
) {
  if (!ids.length) return;
  const found = new Set((await find(ids)).map((row) => row.id));
  if (ids.some((id) => !found.has(id))) throw new NotFoundError(entity);
}

export async function findService(tx: Prisma.TransactionClient, id: string) {
  const service = await tx.service.findUnique({ where: { id } });
  if (!service) throw new NotFoundError("Service");
  return service;
}

/** A patient of the organization who is not archived. */
export async function findPatient(tx: Prisma.TransactionClient, id: string) {
  const patient = await tx.patient.findFirst({ where: { id, archivedAt: null } });
  if (!patient) throw new NotFoundError("Patient");
  return patient;
}
