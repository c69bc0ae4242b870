import { z } from "zod";
import { InvalidTransitionError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { announceAppointmentTime } from "../domain/announce-appointment-time.js";
import { cancelAppointment } from "../domain/lifecycle/cancel-appointment.js";
import { AppointmentRef } from "../types/appointment.type.js";

const reason = z.string().trim().min(1).max(500);

builder.mutationField("cancelAppointment", (t) =>
  t.field({
    type: AppointmentRef,
    description:
      "booked/upcoming → cancelled: the time is free again and a consumed plan session is given back. Staff any time; the appointment's patient up to the organization's cancellationNoticeHours before the start.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, InvalidTransitionError] },
    args: {
      id: t.arg.globalID({ for: AppointmentRef }),
      reason: t.arg.string({ required: false, validate: reason }),
    },
    resolve: async (_root, args, ctx) => {
      const cancelled = await audited(ctx, (tx, actor) =>
        cancelAppointment(tx, actor, { id: args.id.id, reason: args.reason }),
      );
      // Once committed (best-effort): live timeslots show the time free again.
      await announceAppointmentTime(ctx.services, "APPOINTMENT_CANCELLED", cancelled);
      return cancelled;
    },
  }),
);
