import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { nonOverlapping } from "../domain/schedule/time-ranges.js";
import { WeeklyRangeInput } from "./time-range-input.js";

export const SetWeeklyHoursInput = builder.inputType("SetWeeklyHoursInput", {
  fields: (t) => ({
    specialistId: t.globalID({ for: SpecialistRef }),
    ranges: t.field({
      type: [WeeklyRangeInput],
      description: "Every range of the week, replacing the current ones; empty: no weekly hours.",
      validate: z.array(z.any()).max(100).superRefine(nonOverlapping),
    }),
  }),
});
