import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Appointment } from "../../../generated/prisma/client.js";
import { builder } from "../../../graphql/builder.js";
import { AppointmentRef } from "./appointment.type.js";
import { AppointmentStatusEnum } from "./appointment-status.enum.js";

/**
 * What booking answers. Anyone may book through a published calendar's widget, but only the
 * organization's members may read its appointments, so the booking itself carries what a
 * widget shows (when, status) and `appointment` is there for members.
 */
export const BookingRef = builder.objectRef<Appointment>("Booking").implement({
  fields: (t) => ({
    appointmentId: t.id({
      description: "The appointment's global id.",
      resolve: (appointment) => encodeGlobalID("Appointment", appointment.id),
    }),
    status: t.expose("status", { type: AppointmentStatusEnum }),
    start: t.expose("startAt", { type: "DateTime" }),
    end: t.expose("endAt", { type: "DateTime" }),
    onboardingIncomplete: t.exposeBoolean("onboardingIncomplete"),
    appointment: t.field({
      type: AppointmentRef,
      nullable: true,
      description: "The appointment, for members of its organization; null for other bookers.",
      resolve: (appointment, _args, ctx) =>
        ctx.scope.organizationId === appointment.organizationId ? appointment : null,
    }),
  }),
});
