import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";
import { CalendarRef } from "./calendar.type.js";

export const AttachCalendarSpecialistInput = builder.inputType("AttachCalendarSpecialistInput", {
  fields: (t) => ({
    calendarId: t.globalID({ for: CalendarRef }),
    specialistId: t.globalID({ for: SpecialistRef }),
    weight: t.int({
      required: false,
      validate: z.number().int().min(1).max(100),
      description: "Share of automatic assignments, 1-100 (default 1).",
    }),
  }),
});
