import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../../graphql/builder.js";
import type { Timeslot } from "../domain/availability/compute-timeslots.js";
import { formatInZone } from "../domain/availability/time-zones.js";

/** A slot as the API shows it: its times in the requested zone, and its specialists' global ids. */
export interface ZonedTimeslot extends Timeslot {
  timeZone: string;
  startText: string;
  endText: string;
  specialistGlobalIds: string[];
}

export const TimeslotRef = builder.objectRef<ZonedTimeslot>("Timeslot").implement({
  description: "A bookable time and who is free for it (buffers included).",
  fields: (t) => ({
    start: t.string({
      description: "ISO 8601 with the offset of the requested time zone, e.g. 2027-03-14T09:00:00-04:00.",
      resolve: (s) => s.startText,
    }),
    end: t.string({ resolve: (s) => s.endText }),
    availableSpecialists: t.int({
      description: "How many specialists are free; 0 in a change means the slot is gone.",
      resolve: (s) => s.specialistIds.length,
    }),
    specialistIds: t.idList({
      description: "The free specialists, in the calendar's order.",
      resolve: (s) => s.specialistGlobalIds,
    }),
  }),
});

/**
 * Slots to show in `timeZone`, formatted once here (each specialist's global id encoded once, not
 * once per slot), so the fields resolve by reading a property, however many subscribers read them.
 */
export function zoned(slots: Timeslot[], timeZone: string): ZonedTimeslot[] {
  const globalIds = new Map<string, string>();
  const globalId = (id: string) => {
    let encoded = globalIds.get(id);
    if (encoded === undefined) {
      encoded = encodeGlobalID("Specialist", id);
      globalIds.set(id, encoded);
    }
    return encoded;
  };
  return slots.map((s) => ({
    start: s.start,
    end: s.end,
    specialistIds: s.specialistIds,
    timeZone,
    startText: formatInZone(s.start, timeZone),
    endText: formatInZone(s.end, timeZone),
    specialistGlobalIds: s.specialistIds.map(globalId),
  }));
}
