import { builder } from "../../../graphql/builder.js";

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

export const PublicCalendarRef = builder.objectRef<PublicCalendar>("PublicCalendar").implement({
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
