import { builder } from "../../../graphql/builder.js";
import { publishedCalendarOrganization, widgetScope } from "../domain/calendars/calendar-access.js";

interface PublicCalendar {
  id: string;
  name: string;
  slug: string | null;
  timezone: string;
  slotIntervalMinutes: number;
  service: { name: string; durationMinutes: number };
  specialists: { specialist: { id: string; firstName: string; lastName: string; active: boolean } }[];
}

const PublicSpecialistRef = builder
  .objectRef<PublicCalendar["specialists"][number]["specialist"]>("PublicSpecialist")
  .implement({
    fields: (t) => ({
      id: t.globalID({ resolve: (s) => ({ type: "Specialist", id: s.id }) }),
      firstName: t.exposeString("firstName"),
      lastName: t.exposeString("lastName"),
    }),
  });

const PublicCalendarRef = builder.objectRef<PublicCalendar>("PublicCalendar").implement({
  description: "What a booking widget shows of a published calendar.",
  fields: (t) => ({
    id: t.globalID({
      description: "The calendar's id, for timeslots, timeslotsChanged and createHold.",
      resolve: (c) => ({ type: "Calendar", id: c.id }),
    }),
    name: t.exposeString("name"),
    slug: t.string({ resolve: (c) => c.slug ?? "" }),
    timezone: t.exposeString("timezone"),
    slotIntervalMinutes: t.exposeInt("slotIntervalMinutes"),
    serviceName: t.string({ resolve: (c) => c.service.name }),
    durationMinutes: t.int({ resolve: (c) => c.service.durationMinutes }),
    specialists: t.field({
      type: [PublicSpecialistRef],
      resolve: (c) => c.specialists.map((s) => s.specialist).filter((s) => s.active),
    }),
  }),
});

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
