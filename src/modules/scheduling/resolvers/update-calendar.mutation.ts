import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { announceCalendarUpdate } from "../domain/calendars/announce-calendar-update.js";
import { updateCalendar } from "../domain/calendars/update-calendar.js";
import { calendarManagerRoles } from "../domain/permissions.js";
import { CalendarRef } from "../types/calendar.type.js";
import { UpdateCalendarInput } from "../types/calendar-input.js";

builder.mutationField("updateCalendar", (t) =>
  t.field({
    type: CalendarRef,
    description:
      "Changes a calendar's settings; only the fields given change. Leaving the campaign kind clears the campaign.",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: CalendarRef }), input: t.arg({ type: UpdateCalendarInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      const calendar = await audited(ctx, (tx, actor) =>
        updateCalendar(tx, actor, id.id, { ...input, serviceId: input.serviceId?.id }),
      );
      await announceCalendarUpdate(ctx, calendar.id);
      return calendar;
    },
  }),
);
