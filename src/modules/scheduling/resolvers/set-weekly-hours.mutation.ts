import { z } from "zod";
import { afterCommit } from "../../../after-commit.js";
import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/specialist.type.js";
import { announceCalendarChange } from "../domain/timeslots/announce.js";
import { assertMayEditSchedule } from "../domain/permissions.js";
import { WeeklyRangeInput, WeeklyRangeRef } from "../types/time-range.type.js";
import { nonOverlapping, toWeeklyRange } from "../domain/schedule/time-ranges.js";
import { weeklyHoursOf } from "../domain/schedule/weekly-hours.js";

const SetWeeklyHoursInput = builder.inputType("SetWeeklyHoursInput", {
  fields: (t) => ({
    specialistId: t.globalID({ for: SpecialistRef }),
    ranges: t.field({
      type: [WeeklyRangeInput],
      description: "Every range of the week, replacing the current ones; empty: no weekly hours.",
      validate: z.array(z.any()).max(100).superRefine(nonOverlapping),
    }),
  }),
});

builder.mutationField("setWeeklyHours", (t) =>
  t.field({
    type: [WeeklyRangeRef],
    description:
      "Replaces a specialist's weekly hours: wall-clock times in the specialist's time zone, several ranges per weekday.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { input: t.arg({ type: SetWeeklyHoursInput }) },
    resolve: async (_root, { input }, ctx) => {
      const ranges = await audited(ctx, async (tx) => {
        const specialist = await tx.specialist.findUnique({ where: { id: input.specialistId.id } });
        if (!specialist) throw new NotFoundError("Specialist");
        assertMayEditSchedule(ctx, specialist);
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
      });
      await afterCommit(ctx.log, "announce the calendar change", () =>
        announceCalendarChange(ctx.services, { reason: "SCHEDULE_UPDATED", specialistId: input.specialistId.id }),
      );
      return ranges;
    },
  }),
);
