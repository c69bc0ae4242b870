import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { SpecialistRef } from "../../specialists/specialist.type.js";
import { ScheduleOverrideRef } from "../types/schedule-override.type.js";
import { WeeklyRangeRef } from "../types/time-range.type.js";
import { localDate } from "../domain/schedule/time-ranges.js";
import { weeklyHoursOf } from "../domain/schedule/weekly-hours.js";

builder.queryFields((t) => ({
  weeklyHours: t.field({
    type: [WeeklyRangeRef],
    nullable: true,
    description: "A specialist's weekly hours (wall-clock times in their time zone); null for an unknown specialist.",
    authScopes: { orgRole: staffRoles },
    args: { specialistId: t.arg.globalID({ for: SpecialistRef }) },
    resolve: async (_root, { specialistId }, { db }) =>
      (await db.specialist.findUnique({ where: { id: specialistId.id }, select: { id: true } }))
        ? weeklyHoursOf(db, specialistId.id)
        : null,
  }),
  scheduleOverrides: t.prismaConnection({
    type: ScheduleOverrideRef,
    cursor: "id",
    nullable: true,
    description:
      "A specialist's date overrides in date order, optionally from/to a date (inclusive); null for an unknown specialist.",
    authScopes: { orgRole: staffRoles },
    args: {
      specialistId: t.arg.globalID({ for: SpecialistRef }),
      from: t.arg.string({ required: false, validate: localDate, description: "YYYY-MM-DD" }),
      to: t.arg.string({ required: false, validate: localDate, description: "YYYY-MM-DD" }),
    },
    resolve: async (query, _root, { specialistId, from, to }, { db }) =>
      (await db.specialist.findUnique({ where: { id: specialistId.id }, select: { id: true } }))
        ? db.specialistScheduleOverride.findMany({
            ...query,
            where: {
              specialistId: specialistId.id,
              date: {
                gte: from ? new Date(`${from}T00:00:00Z`) : undefined,
                lte: to ? new Date(`${to}T00:00:00Z`) : undefined,
              },
            },
            orderBy: [{ date: "asc" }, { id: "asc" }],
          })
        : null,
  }),
}));
