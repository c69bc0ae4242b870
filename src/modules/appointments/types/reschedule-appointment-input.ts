import { builder } from "../../../graphql/builder.js";
import { SpecialistRef } from "../../specialists/index.js";

export const RescheduleAppointmentInput = builder.inputType("RescheduleAppointmentInput", {
  description:
    "Give `holdToken` (a hold of the appointment's calendar), or `start` (+ `specialistId`) to hold and move in one step.",
  fields: (t) => ({
    holdToken: t.string({ required: false }),
    start: t.field({ type: "DateTime", required: false, description: "A slot's start, as timeslots gives it." }),
    specialistId: t.globalID({ for: SpecialistRef, required: false, description: "Unset: a free specialist fairly." }),
  }),
});
