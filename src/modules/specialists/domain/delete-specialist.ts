import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findSpecialist } from "./specialists.js";

/** Deletes a specialist and their specialty links (deactivating keeps their history). */
export async function deleteSpecialist(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const before = await findSpecialist(tx, id);
  await tx.specialist.delete({ where: { id: before.id } });
  return {
    value: before,
    audit: { action: "specialist.delete", entityType: "Specialist", entityId: before.id, before },
  } satisfies Audited<typeof before>;
}
