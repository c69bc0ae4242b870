import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { announceScheduleUpdate } from "../domain/schedule/announce-schedule-update.js";
import { setWeeklyHours } from "../domain/schedule/set-weekly-hours.js";
import { SetWeeklyHoursInput } from "../types/set-weekly-hours-input.js";
import { WeeklyRangeRef } from "../types/time-range.type.js";

builder.mutationField("setWeeklyHours", (t) =>
  t.field({
    type: [WeeklyRangeRef],
    description:
      "Replaces a specialist's weekly hours: wall-clock times in the specialist's time zone, several ranges per weekday.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { input: t.arg({ type: SetWeeklyHoursInput }) },
    resolve: async (_root, { input }, ctx) => {
      const ranges = await audited(ctx, (tx, actor) =>
        setWeeklyHours(tx, actor, { specialistId: input.specialistId.id, ranges: input.ranges }),
      );
      await announceScheduleUpdate(ctx, input.specialistId.id);
      return ranges;
    },
  }),
);
