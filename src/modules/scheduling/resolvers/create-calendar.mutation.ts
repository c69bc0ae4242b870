import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { createCalendar } from "../domain/calendars/create-calendar.js";
import { calendarManagerRoles } from "../domain/permissions.js";
import { CalendarRef } from "../types/calendar.type.js";
import { CreateCalendarInput } from "../types/calendar-input.js";

builder.mutationField("createCalendar", (t) =>
  t.field({
    type: CalendarRef,
    description: "Creates a calendar of a service in the active organization; attach specialists next.",
    authScopes: { orgRole: calendarManagerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateCalendarInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) => createCalendar(tx, actor, { ...input, serviceId: input.serviceId.id })),
  }),
);
