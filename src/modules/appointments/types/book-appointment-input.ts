import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { PatientRef } from "../../patients/index.js";
import { PatientServicePlanRef } from "../../plans/index.js";
import { CalendarRef } from "../../scheduling/graphql-refs.js";
import { ServiceRef } from "../../services/index.js";
import { SpecialistRef } from "../../specialists/index.js";
import { BookingContactInput } from "./booking-contact-input.js";

const notes = z.string().trim().max(2000);
const idempotencyKey = z.string().min(1).max(255);

export const BookAppointmentInput = builder.inputType("BookAppointmentInput", {
  description: "Give `holdToken`, or `calendarId` + `start` (+ `specialistId`) to hold and book in one step.",
  fields: (t) => ({
    holdToken: t.string({ required: false, description: "A live hold of the caller's (createHold)." }),
    calendarId: t.globalID({ for: CalendarRef, required: false }),
    start: t.field({ type: "DateTime", required: false, description: "A slot's start, as timeslots gives it." }),
    specialistId: t.globalID({
      for: SpecialistRef,
      required: false,
      description: "Without a hold: unset assigns a free specialist fairly.",
    }),
    patientId: t.globalID({
      for: PatientRef,
      required: false,
      description: "Staff: the patient to book for. Patients book for themselves.",
    }),
    contact: t.field({
      type: BookingContactInput,
      required: false,
      description: "Widget bookers (anyone not a member of the calendar's organization).",
    }),
    addOnServiceIds: t.globalIDList({
      for: ServiceRef,
      required: false,
      validate: z.array(z.any()).max(20),
      description: "Add-ons of the calendar's service.",
    }),
    notes: t.string({ required: false, validate: notes }),
    patientServicePlanId: t.globalID({
      for: PatientServicePlanRef,
      required: false,
      description: "Use a session of this plan of the patient's; services that require a session pick one if unset.",
    }),
    idempotencyKey: t.string({
      required: false,
      validate: idempotencyKey,
      description: "Retries with the same key (per organization) answer the same appointment instead of booking again.",
    }),
  }),
});
