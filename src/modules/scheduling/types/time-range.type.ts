import { builder } from "../../../graphql/builder.js";
import type { DayRange, WeeklyRange } from "../domain/availability/compute-timeslots.js";
import { formatMinutes } from "../domain/schedule/time-ranges.js";
import { type IsoWeekday, WeekdayEnum } from "./weekday.enum.js";

export const TimeRangeRef = builder.objectRef<DayRange>("TimeRange").implement({
  description: "Wall-clock times of one day, `HH:MM` (end exclusive; 24:00 is midnight at the end of the day).",
  fields: (t) => ({
    start: t.string({ resolve: (r) => formatMinutes(r.start) }),
    end: t.string({ resolve: (r) => formatMinutes(r.end) }),
  }),
});

export const WeeklyRangeRef = builder.objectRef<WeeklyRange>("WeeklyRange").implement({
  description: "Wall-clock times on one day of every week.",
  fields: (t) => ({
    weekday: t.field({ type: WeekdayEnum, resolve: (r) => r.weekday as IsoWeekday }),
    start: t.string({ resolve: (r) => formatMinutes(r.start) }),
    end: t.string({ resolve: (r) => formatMinutes(r.end) }),
  }),
});
