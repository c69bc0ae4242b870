import { builder } from "../../../graphql/builder.js";
import type { DayRange, WeeklyRange } from "../domain/availability/compute-timeslots.js";
import { formatMinutes, timeRange } from "../domain/schedule/time-ranges.js";

type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WeekdayEnum = builder.enumType("Weekday", {
  values: {
    MONDAY: { value: 1 },
    TUESDAY: { value: 2 },
    WEDNESDAY: { value: 3 },
    THURSDAY: { value: 4 },
    FRIDAY: { value: 5 },
    SATURDAY: { value: 6 },
    SUNDAY: { value: 7 },
  } as const,
});

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

export const TimeRangeInput = builder.inputType("TimeRangeInput", {
  fields: (t) => ({
    start: t.string({ description: "HH:MM" }),
    end: t.string({ description: "HH:MM, after start; 24:00 for midnight" }),
  }),
  validate: timeRange,
});

export const WeeklyRangeInput = builder.inputType("WeeklyRangeInput", {
  fields: (t) => ({
    weekday: t.field({ type: WeekdayEnum }),
    start: t.string({ description: "HH:MM" }),
    end: t.string({ description: "HH:MM, after start; 24:00 for midnight" }),
  }),
  validate: timeRange,
});
