import { z } from "zod";
import { builder } from "../../../../graphql/builder.js";
import { AppointmentRef } from "../../graphql-refs.js";

export const ReviewAppointmentInput = builder.inputType("ReviewAppointmentInput", {
  fields: (t) => ({
    appointmentId: t.globalID({ for: AppointmentRef }),
    rating: t.int({
      description: "1 (poor) to 5 (excellent).",
      validate: z.number().int().min(1, { message: "must be 1 to 5" }).max(5, { message: "must be 1 to 5" }),
    }),
    comment: t.string({
      required: false,
      validate: z.string().trim().max(2000, { message: "must be at most 2000 characters" }).optional(),
    }),
  }),
});
