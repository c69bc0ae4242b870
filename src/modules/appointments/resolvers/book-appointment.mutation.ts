import { z } from "zod";
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { PatientRef, patientFields } from "../../patients/index.js";
import { PatientServicePlanRef } from "../../plans/index.js";
import { CalendarRef } from "../../scheduling/graphql-refs.js";
import { HoldLimitError, SlotUnavailableError } from "../../scheduling/index.js";
import { ServiceRef } from "../../services/index.js";
import { SpecialistRef } from "../../specialists/index.js";
import { bookAppointment } from "../domain/booking/book-appointment.js";
import { slotChoice } from "../domain/booking/slot-choice.js";
import { HoldExpiredError, OnboardingIncompleteError } from "../errors.js";
import { BookingRef } from "../types/booking.type.js";

export const notes = z.string().trim().max(2000);
export const idempotencyKey = z.string().min(1).max(255);

const BookingContactInput = builder.inputType("BookingContactInput", {
  description: "Who a widget booking is for: the organization's patient with this email, or a new patient.",
  fields: (t) => ({
    firstName: t.string({ validate: patientFields.firstName }),
    lastName: t.string({ validate: patientFields.lastName }),
    email: t.string({ validate: patientFields.email }),
    phone: t.string({ required: false, validate: patientFields.phone }),
  }),
});

const BookAppointmentInput = builder.inputType("BookAppointmentInput", {
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

builder.mutationField("bookAppointment", (t) =>
  t.field({
    type: BookingRef,
    description:
      "Books an appointment from a hold (consumed), or holds and books `calendarId` + `start` in one step. The database refuses any overlap with the specialist's appointments.",
    authScopes: { public: true },
    errors: {
      types: [
        ValidationError,
        NotFoundError,
        ForbiddenError,
        HoldExpiredError,
        SlotUnavailableError,
        HoldLimitError,
        OnboardingIncompleteError,
        ConflictError,
      ],
    },
    args: { input: t.arg({ type: BookAppointmentInput }) },
    resolve: (_root, { input }, ctx) =>
      bookAppointment(ctx, {
        slot: slotChoice(input),
        patientId: input.patientId?.id,
        contact: input.contact,
        addOnServiceIds: input.addOnServiceIds?.map((id) => id.id),
        notes: input.notes,
        patientServicePlanId: input.patientServicePlanId?.id,
        idempotencyKey: input.idempotencyKey,
      }),
  }),
);
