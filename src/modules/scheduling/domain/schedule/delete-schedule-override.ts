import type { Prisma } from "../../../../db/prisma.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { editableOverride } from "./editable-override.js";

/** Removes an override: the date follows the weekly hours again. `specialistId`, when given, must be the override's. */
export async function deleteScheduleOverride(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
  specialistId?: string | null,
) {
  const before = await editableOverride(tx, actor, id, specialistId);
  await tx.specialistScheduleOverride.delete({ where: { id: before.id } });
  return {
    value: before,
    audit: { action: "schedule_override.delete", entityType: "ScheduleOverride", entityId: before.id, before },
  } satisfies Audited<typeof before>;
}
