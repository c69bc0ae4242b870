import { builder } from "../../graphql/builder.js";
import type { Timeslot } from "./availability/compute-timeslots.js";
import { formatInZone } from "./availability/time-zones.js";

/** A slot with the zone its times are shown in. */
export interface ZonedTimeslot extends Timeslot {
  timeZone: string;
}

export const TimeslotRef = builder.objectRef<ZonedTimeslot>("Timeslot").implement({
  description: "A bookable time and who is free for it (buffers included).",
  fields: (t) => ({
    start: t.string({
      description: "ISO 8601 with the offset of the requested time zone, e.g. 2027-03-14T09:00:00-04:00.",
      resolve: (s) => formatInZone(s.start, s.timeZone),
    }),
    end: t.string({ resolve: (s) => formatInZone(s.end, s.timeZone) }),
    availableSpecialists: t.int({
      description: "How many specialists are free; 0 in a change means the slot is gone.",
      resolve: (s) => s.specialistIds.length,
    }),
    specialistIds: t.globalIDList({
      description: "The free specialists, in the calendar's order.",
      resolve: (s) => s.specialistIds.map((id) => ({ type: "Specialist", id })),
    }),
  }),
});

export const zoned = (slots: Timeslot[], timeZone: string): ZonedTimeslot[] => slots.map((s) => ({ ...s, timeZone }));
