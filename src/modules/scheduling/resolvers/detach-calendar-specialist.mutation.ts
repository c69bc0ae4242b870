import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/index.js";
import { announceCalendarUpdate } from "../domain/calendars/announce-calendar-update.js";
import { detachCalendarSpecialist } from "../domain/calendars/detach-calendar-specialist.js";
import { calendarManagerRoles } from "../domain/permissions.js";
import { CalendarRef } from "../types/calendar.type.js";

builder.mutationField("detachCalendarSpecialist", (t) =>
  t.field({
    type: CalendarRef,
    description: "Stops offering a specialist on a calendar; their appointments stay.",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError] },
    args: {
      calendarId: t.arg.globalID({ for: CalendarRef }),
      specialistId: t.arg.globalID({ for: SpecialistRef }),
    },
    resolve: async (_root, { calendarId, specialistId }, ctx) => {
      const calendar = await audited(ctx, (tx, actor) =>
        detachCalendarSpecialist(tx, actor, { calendarId: calendarId.id, specialistId: specialistId.id }),
      );
      await announceCalendarUpdate(ctx, calendar.id);
      return calendar;
    },
  }),
);
