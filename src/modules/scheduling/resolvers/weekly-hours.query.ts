import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { SpecialistRef } from "../../specialists/index.js";
import { weeklyHoursOf } from "../domain/schedule/weekly-hours.js";
import { WeeklyRangeRef } from "../types/time-range.type.js";

builder.queryField("weeklyHours", (t) =>
  t.field({
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
);
