import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { MAX_RANGE_DAYS, parseTimeslotRange } from "../domain/timeslots/timeslot-range.js";
import { findTimeslots } from "../domain/timeslots/timeslots.js";
import { CalendarRef } from "../types/calendar.type.js";
import { TimeslotRef, zoned } from "../types/timeslot.type.js";

builder.queryField("timeslots", (t) =>
  t.field({
    type: [TimeslotRef],
    description: `The bookable slots of a calendar starting in [from, to) (at most ${MAX_RANGE_DAYS} days), shown in timeZone. Open to anyone for a published calendar (one with a slug); members see their organization's.`,
    authScopes: { public: true },
    errors: { types: [NotFoundError] },
    args: {
      calendarId: t.arg.globalID({ for: CalendarRef }),
      from: t.arg.string({ description: "YYYY-MM-DD (midnight in timeZone) or an ISO 8601 date-time." }),
      to: t.arg.string({ description: "Exclusive; YYYY-MM-DD or an ISO 8601 date-time." }),
      timeZone: t.arg.string({ description: "IANA time zone, e.g. Europe/Berlin." }),
      specialistId: t.arg.globalID({
        for: SpecialistRef,
        required: false,
        description: "Only this specialist's slots.",
      }),
    },
    resolve: async (_root, args, ctx) => {
      const range = parseTimeslotRange(args);
      const { slots } = await findTimeslots(ctx, {
        calendarId: args.calendarId.id,
        from: range.from,
        to: range.to,
        specialistId: args.specialistId?.id,
      });
      return zoned(slots, range.timeZone);
    },
  }),
);
