import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { announceCalendarUpdate } from "../domain/calendars/announce-calendar-update.js";
import { deleteCalendar } from "../domain/calendars/delete-calendar.js";
import { calendarManagerRoles } from "../domain/permissions.js";
import { CalendarRef } from "../types/calendar.type.js";

builder.mutationField("deleteCalendar", (t) =>
  t.field({
    type: CalendarRef,
    description: "Deletes a calendar that has no appointments (deactivate it otherwise).",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: CalendarRef }) },
    resolve: async (_root, { id }, ctx) => {
      const calendar = await audited(ctx, (tx, actor) => deleteCalendar(tx, actor, id.id));
      await announceCalendarUpdate(ctx, calendar.id);
      return calendar;
    },
  }),
);
