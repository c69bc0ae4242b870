import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { localDate, nonOverlapping } from "../domain/schedule/time-ranges.js";
import { TimeRangeInput } from "./time-range-input.js";

const overrideRanges = z.array(z.any()).max(20).superRefine(nonOverlapping);
const reason = z.string().trim().max(500);

export const CreateScheduleOverrideInput = builder.inputType("CreateScheduleOverrideInput", {
  fields: (t) => ({
    specialistId: t.globalID({ for: SpecialistRef }),
    date: t.string({ validate: localDate, description: "YYYY-MM-DD, in the specialist's time zone." }),
    ranges: t.field({
      type: [TimeRangeInput],
      validate: overrideRanges,
      description: "The hours of that date instead of the weekly ones; empty: unavailable all day.",
    }),
    reason: t.string({ required: false, validate: reason }),
  }),
});

export const UpdateScheduleOverrideInput = builder.inputType("UpdateScheduleOverrideInput", {
  description: "Only the fields given change.",
  fields: (t) => ({
    ranges: t.field({ type: [TimeRangeInput], required: false, validate: overrideRanges }),
    reason: t.string({ required: false, validate: reason }),
  }),
});
