import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findSpecialty } from "./specialties.js";

/** Deletes a specialty; its specialists lose it, nothing else. */
export async function deleteSpecialty(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const before = await findSpecialty(tx, id);
  await tx.specialty.delete({ where: { id: before.id } });
  return {
    value: before,
    audit: { action: "specialty.delete", entityType: "Specialty", entityId: before.id, before },
  } satisfies Audited<typeof before>;
}
