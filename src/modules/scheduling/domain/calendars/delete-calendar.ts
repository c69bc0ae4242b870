import { isForeignKeyViolation } from "../../../../db/errors.js";
import type { Prisma } from "../../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";

/** Deletes a calendar that has no appointments; one that has them is a conflict (deactivate it instead). */
export async function deleteCalendar(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const before = await tx.calendar.findUnique({ where: { id } });
  if (!before) throw new NotFoundError("Calendar");
  try {
    await tx.calendar.delete({ where: { id: before.id } });
  } catch (error) {
    if (isForeignKeyViolation(error)) throw new ConflictError("The calendar has appointments; deactivate it instead");
    throw error;
  }
  return {
    value: before,
    audit: { action: "calendar.delete", entityType: "Calendar", entityId: before.id, before },
  } satisfies Audited<typeof before>;
}
