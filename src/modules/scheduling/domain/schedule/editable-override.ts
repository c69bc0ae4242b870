import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import { assertMayEditSchedule } from "../permissions.js";

/**
 * An override, if the actor may change its specialist's hours. A specialist named too (`/v1`
 * paths do) must be the override's, or it is not found.
 */
export async function editableOverride(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
  specialistId: string | null | undefined,
) {
  const override = await tx.specialistScheduleOverride.findUnique({ where: { id }, include: { specialist: true } });
  if (!override || (specialistId && specialistId !== override.specialistId)) {
    throw new NotFoundError("ScheduleOverride");
  }
  assertMayEditSchedule(actor, override.specialist);
  const { specialist: _specialist, ...row } = override;
  return row;
}
