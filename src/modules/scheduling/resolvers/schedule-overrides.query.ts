import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { SpecialistRef } from "../../specialists/index.js";
import { localDate } from "../domain/schedule/time-ranges.js";
import { ScheduleOverrideRef } from "../types/schedule-override.type.js";

builder.queryField("scheduleOverrides", (t) =>
  t.prismaConnection({
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
);
