import { InvalidTransitionError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { HoldLimitError, SlotUnavailableError } from "../../scheduling/index.js";
import { SpecialistRef } from "../../specialists/index.js";
import { rescheduleAppointment } from "../domain/booking/reschedule-appointment.js";
import { slotChoice } from "../domain/booking/slot-choice.js";
import { HoldExpiredError } from "../errors.js";
import { AppointmentRef } from "../types/appointment.type.js";

const RescheduleAppointmentInput = builder.inputType("RescheduleAppointmentInput", {
  description:
    "Give `holdToken` (a hold of the appointment's calendar), or `start` (+ `specialistId`) to hold and move in one step.",
  fields: (t) => ({
    holdToken: t.string({ required: false }),
    start: t.field({ type: "DateTime", required: false, description: "A slot's start, as timeslots gives it." }),
    specialistId: t.globalID({ for: SpecialistRef, required: false, description: "Unset: a free specialist fairly." }),
  }),
});

builder.mutationField("rescheduleAppointment", (t) =>
  t.field({
    type: AppointmentRef,
    description:
      "Moves a booked or upcoming appointment to another slot of its calendar, atomically (the appointment keeps its id; its history keeps the old time). Staff any time; the patient within the cancellation notice window.",
    authScopes: { orgRole: memberRoles },
    errors: {
      types: [
        ValidationError,
        NotFoundError,
        InvalidTransitionError,
        HoldExpiredError,
        SlotUnavailableError,
        HoldLimitError,
      ],
    },
    args: { id: t.arg.globalID({ for: AppointmentRef }), input: t.arg({ type: RescheduleAppointmentInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      const calendar = input.holdToken
        ? null
        : await ctx.db.appointment.findUnique({ where: { id: id.id }, select: { calendarId: true } });
      if (!input.holdToken && !calendar) throw new NotFoundError("Appointment");
      const slot = slotChoice({ ...input, calendarId: calendar ? { id: calendar.calendarId } : null });
      return rescheduleAppointment(ctx, id.id, slot);
    },
  }),
);
