import { isUniqueViolation } from "../../../db/errors.js";
import type { Prisma } from "../../../db/prisma.js";
import { ConflictError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { lockPatient } from "./patients.js";

/** Archives (soft-deletes) a patient: left out of lists, no longer changeable; their user no longer sees it. */
export async function archivePatient(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const before = await lockPatient(tx, id);
  if (before.archivedAt) throw new ConflictError("The patient is already archived");
  const after = await tx.patient.update({ where: { id: before.id }, data: { archivedAt: new Date() } });
  return {
    value: after,
    audit: { action: "patient.archive", entityType: "Patient", entityId: after.id, before, after },
  } satisfies Audited<typeof after>;
}

/** Brings an archived patient back; refused while another live patient holds the same email or user account. */
export async function restorePatient(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const before = await lockPatient(tx, id);
  if (!before.archivedAt) throw new ConflictError("The patient is not archived");
  try {
    const after = await tx.patient.update({ where: { id: before.id }, data: { archivedAt: null } });
    return {
      value: after,
      audit: { action: "patient.restore", entityType: "Patient", entityId: after.id, before, after },
    } satisfies Audited<typeof after>;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("Another patient now has the same email or user account");
    throw error;
  }
}
