import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { announceCalendarUpdate } from "../domain/calendars/announce-calendar-update.js";
import { attachCalendarSpecialist } from "../domain/calendars/attach-calendar-specialist.js";
import { calendarManagerRoles } from "../domain/permissions.js";
import { AttachCalendarSpecialistInput } from "../types/attach-calendar-specialist-input.js";
import { CalendarRef } from "../types/calendar.type.js";

builder.mutationField("attachCalendarSpecialist", (t) =>
  t.field({
    type: CalendarRef,
    description: "Offers a specialist on a calendar (or changes their weight when already there).",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: AttachCalendarSpecialistInput }) },
    resolve: async (_root, { input }, ctx) => {
      const calendar = await audited(ctx, (tx, actor) =>
        attachCalendarSpecialist(tx, actor, {
          calendarId: input.calendarId.id,
          specialistId: input.specialistId.id,
          weight: input.weight,
        }),
      );
      await announceCalendarUpdate(ctx, calendar.id);
      return calendar;
    },
  }),
);
