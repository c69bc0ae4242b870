import type { Prisma } from "../../../../db/prisma.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { editableOverride } from "./editable-override.js";
import { toDayRange } from "./time-ranges.js";

/** Only the fields given change. */
export interface UpdateScheduleOverride {
  /** When given, must be the override's specialist (`/v1` paths name it). */
  specialistId?: string | null;
  ranges?: { start: string; end: string }[] | null;
  reason?: string | null;
}

export async function updateScheduleOverride(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
  input: UpdateScheduleOverride,
) {
  const before = await editableOverride(tx, actor, id, input.specialistId);
  const after = await tx.specialistScheduleOverride.update({
    where: { id: before.id },
    data: {
      ranges: input.ranges ? (input.ranges.map(toDayRange) as unknown as Prisma.InputJsonValue) : undefined,
      reason: input.reason,
    },
  });
  return {
    value: after,
    audit: { action: "schedule_override.update", entityType: "ScheduleOverride", entityId: after.id, before, after },
  } satisfies Audited<typeof after>;
}
