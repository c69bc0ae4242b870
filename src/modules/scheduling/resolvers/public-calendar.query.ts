import { builder } from "../../../graphql/builder.js";
import { publishedCalendarOrganization, widgetScope } from "../domain/calendars/calendar-access.js";
import { PublicCalendarRef } from "../types/public-calendar.type.js";

builder.queryField("publicCalendar", (t) =>
  t.field({
    type: PublicCalendarRef,
    nullable: true,
    description: "A published calendar (active, with this slug), for anyone; null otherwise.",
    authScopes: { public: true },
    args: { slug: t.arg.string() },
    resolve: async (_root, { slug }, ctx) => {
      const organizationId = await publishedCalendarOrganization(ctx, { slug });
      if (!organizationId) return null;
      return ctx.database.transaction(widgetScope(ctx, organizationId), (tx) =>
        tx.calendar.findUnique({
          where: { slug },
          select: {
            id: true,
            name: true,
            slug: true,
            timezone: true,
            slotIntervalMinutes: true,
            service: { select: { name: true, durationMinutes: true } },
            specialists: {
              orderBy: [{ createdAt: "asc" }, { specialistId: "asc" }],
              select: { specialist: { select: { id: true, firstName: true, lastName: true, active: true } } },
            },
          },
        }),
      );
    },
  }),
);
