import { builder } from "../../../graphql/builder.js";

export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

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
