import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { HoldLimitError, SlotUnavailableError } from "../../scheduling/index.js";
import { bookAppointment } from "../domain/booking/book-appointment.js";
import { slotChoice } from "../domain/booking/slot-choice.js";
import { HoldExpiredError, OnboardingIncompleteError } from "../errors.js";
import { BookAppointmentInput } from "../types/book-appointment-input.js";
import { BookingRef } from "../types/booking.type.js";

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
    // Audited in the calendar's organization, not the caller's: bookAppointment runs its own `audited`.
    resolve: (_root, { input }, ctx) =>
      bookAppointment(
        ctx.database,
        ctx,
        {
          slot: slotChoice({
            holdToken: input.holdToken,
            calendarId: input.calendarId?.id,
            start: input.start,
            specialistId: input.specialistId?.id,
          }),
          patientId: input.patientId?.id,
          contact: input.contact,
          addOnServiceIds: input.addOnServiceIds?.map((id) => id.id),
          notes: input.notes,
          patientServicePlanId: input.patientServicePlanId?.id,
          idempotencyKey: input.idempotencyKey,
        },
        { services: ctx.services, log: ctx.log },
      ),
  }),
);
