import { InvalidTransitionError, NotFoundError, ValidationError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { HoldLimitError, SlotUnavailableError } from "../../scheduling/index.js";
import { rescheduleAppointment } from "../domain/booking/reschedule-appointment.js";
import { HoldExpiredError } from "../errors.js";
import { AppointmentRef } from "../types/appointment.type.js";
import { RescheduleAppointmentInput } from "../types/reschedule-appointment-input.js";

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
    resolve: (_root, { id, input }, ctx) =>
      rescheduleAppointment(
        ctx.database,
        ctx,
        { id: id.id, holdToken: input.holdToken, start: input.start, specialistId: input.specialistId?.id },
        { services: ctx.services, log: ctx.log },
      ),
  }),
);
