import { builder } from "../../../graphql/builder.js";
import { readDayRanges } from "../domain/schedule/time-ranges.js";
import { TimeRangeRef } from "./time-range.type.js";

export const ScheduleOverrideRef = builder.prismaNode("SpecialistScheduleOverride", {
  name: "ScheduleOverride",
  id: { field: "id" },
  nullable: true,
  description: "A date on which a specialist is unavailable, or works other hours than their weekly ones.",
  fields: (t) => ({
    specialist: t.relation("specialist"),
    date: t.string({ description: "YYYY-MM-DD, in the specialist's time zone.", resolve: (o) => isoDate(o.date) }),
    available: t.boolean({
      description: "False: unavailable all day.",
      resolve: (o) => readDayRanges(o.ranges).length > 0,
    }),
    ranges: t.field({
      type: [TimeRangeRef],
      description: "Wall-clock times in the specialist's time zone; empty when unavailable.",
      resolve: (o) => readDayRanges(o.ranges),
    }),
    reason: t.exposeString("reason", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});

/** A `@db.Date` column as `YYYY-MM-DD`. */
export const isoDate = (date: Date) => date.toISOString().slice(0, 10);
