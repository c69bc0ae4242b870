import { builder } from "../../../graphql/builder.js";
import { timeRange } from "../domain/schedule/time-ranges.js";
import { WeekdayEnum } from "./weekday.enum.js";

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
