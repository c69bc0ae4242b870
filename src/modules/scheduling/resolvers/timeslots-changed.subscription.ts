import { GraphQLError } from "graphql";
import { AppError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { parseTimeslotRange } from "../domain/timeslots/timeslot-range.js";
import { watchTimeslots } from "../live/timeslots-feed.js";
import { CalendarRef } from "../types/calendar.type.js";
import { TimeslotsChangeRef } from "../types/timeslots-change.type.js";

/** Errors of a subscription are not typed results: they travel as GraphQL errors with the same code (and fields). */
function asGraphQLError(error: unknown): unknown {
  if (!(error instanceof AppError)) return error;
  return new GraphQLError(error.message, {
    extensions: { code: error.code, ...(error instanceof ValidationError ? { fields: error.fields } : {}) },
  });
}

builder.subscriptionField("timeslotsChanged", (t) =>
  t.field({
    type: TimeslotsChangeRef,
    description:
      "A calendar's slots in [from, to), live: the current list at once, then a message whenever a hold is made, released or expires, an appointment is booked or cancelled, or hours change in a way that changes the range. Who may subscribe: as for timeslots.",
    authScopes: { public: true },
    args: {
      calendarId: t.arg.globalID({ for: CalendarRef }),
      from: t.arg.string(),
      to: t.arg.string(),
      timeZone: t.arg.string(),
      specialistId: t.arg.globalID({ for: SpecialistRef, required: false }),
    },
    subscribe: async (_root, args, ctx) => {
      try {
        const range = parseTimeslotRange(args);
        return await watchTimeslots(ctx, {
          calendarId: args.calendarId.id,
          specialistId: args.specialistId?.id,
          ...range,
        });
      } catch (error) {
        throw asGraphQLError(error);
      }
    },
    resolve: (update) => update,
  }),
);
