import { afterCommit } from "../../../after-commit.js";
import { isForeignKeyViolation } from "../../../db/errors.js";
import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { announceCalendarChange } from "../domain/timeslots/announce.js";
import { CalendarRef } from "../types/calendar.type.js";
import { calendarManagerRoles } from "../domain/permissions.js";

builder.mutationField("deleteCalendar", (t) =>
  t.field({
    type: CalendarRef,
    description: "Deletes a calendar that has no appointments (deactivate it otherwise).",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: CalendarRef }) },
    resolve: async (_root, { id }, ctx) => {
      const calendar = await audited(ctx, async (tx) => {
        const before = await tx.calendar.findUnique({ where: { id: id.id } });
        if (!before) throw new NotFoundError("Calendar");
        await tx.calendar.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: { action: "calendar.delete", entityType: "Calendar", entityId: before.id, before },
        };
      }).catch((error: unknown) => {
        if (isForeignKeyViolation(error)) {
          throw new ConflictError("The calendar has appointments; deactivate it instead");
        }
        throw error;
      });
      await afterCommit(ctx.log, "announce the calendar change", () =>
        announceCalendarChange(ctx.services, { reason: "CALENDAR_UPDATED", calendarIds: [calendar.id] }),
      );
      return calendar;
    },
  }),
);
