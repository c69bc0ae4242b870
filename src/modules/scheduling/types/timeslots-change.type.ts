import { builder } from "../../../graphql/builder.js";
import type { TimeslotsUpdate } from "../live/timeslots-feed.js";
import { TimeslotRef } from "./timeslot.type.js";
import { TimeslotsChangeReasonEnum } from "./timeslots-change-reason.enum.js";

export const TimeslotsChangeRef = builder.objectRef<TimeslotsUpdate>("TimeslotsChange").implement({
  fields: (t) => ({
    calendarId: t.globalID({ resolve: (u) => ({ type: "Calendar", id: u.calendarId }) }),
    reason: t.field({ type: TimeslotsChangeReasonEnum, resolve: (u) => u.reason }),
    slots: t.field({
      type: [TimeslotRef],
      description: "Every slot of the range, as it is now.",
      resolve: (u) => u.slots,
    }),
    changed: t.field({
      type: [TimeslotRef],
      description:
        "What changed since the previous message (all slots in the first); a slot that is gone has no specialists.",
      resolve: (u) => u.changed,
    }),
  }),
});
