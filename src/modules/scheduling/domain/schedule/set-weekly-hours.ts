import type { Prisma } from "../../../../db/prisma.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { findSpecialist } from "../../../specialists/index.js";
import type { WeeklyRange } from "../availability/compute-timeslots.js";
import { assertMayEditSchedule } from "../permissions.js";
import { toWeeklyRange } from "./time-ranges.js";
import { weeklyHoursOf } from "./weekly-hours.js";

export interface SetWeeklyHours {
  specialistId: string;
  /** Every range of the week (`HH:MM`, validated, not overlapping), replacing the current ones. */
  ranges: { weekday: number; start: string; end: string }[];
}

/** Replaces a specialist's weekly hours; answers them in week order. */
export async function setWeeklyHours(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: SetWeeklyHours,
): Promise<Audited<WeeklyRange[]>> {
  const specialist = await findSpecialist(tx, input.specialistId);
  assertMayEditSchedule(actor, specialist);
  const before = await weeklyHoursOf(tx, specialist.id);
  const after = input.ranges.map(toWeeklyRange).sort((a, b) => a.weekday - b.weekday || a.start - b.start);
  await tx.specialistWeeklyHours.deleteMany({ where: { specialistId: specialist.id } });
  await tx.specialistWeeklyHours.createMany({
    data: after.map((r) => ({
      organizationId: specialist.organizationId,
      specialistId: specialist.id,
      weekday: r.weekday,
      startMinute: r.start,
      endMinute: r.end,
    })),
  });
  return {
    value: after,
    audit: {
      action: "specialist.set_weekly_hours",
      entityType: "Specialist",
      entityId: specialist.id,
      before: { weeklyHours: before },
      after: { weeklyHours: after },
    },
  };
}
