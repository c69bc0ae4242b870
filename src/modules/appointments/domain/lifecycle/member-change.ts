import { InvalidTransitionError } from "../../../../errors.js";
import type { Appointment, AppointmentStatus } from "../../../../generated/prisma/client.js";
import type { Context } from "../../../../graphql/context.js";
import { audited } from "../../../../operation/audited.js";
import { appointmentSettings } from "../../settings.js";
import { announceAppointmentTime } from "../announce-appointment-time.js";
import { memberActor } from "../booking/booker.js";
import { changeStatus, lockVisibleAppointment } from "./change-status.js";

const HOUR = 3_600_000;

/** The audit verb of each status change. */
const verbs: Partial<Record<AppointmentStatus, string>> = {
  upcoming: "confirm",
  in_progress: "start",
  done: "complete",
  cancelled: "cancel",
  no_show: "no_show",
};

/** Refuses a patient's cancelling or moving an appointment within the organization's notice window. */
export function assertPatientMayChange(
  appointment: Appointment,
  to: AppointmentStatus,
  now: Date,
  cancellationNoticeHours: number,
) {
  if (appointment.startAt.getTime() - now.getTime() < cancellationNoticeHours * HOUR) {
    throw new InvalidTransitionError(
      "Appointment",
      appointment.status,
      to,
      `patients may change an appointment up to ${cancellationNoticeHours} hours before it starts; contact the clinic`,
    );
  }
}

/**
 * A status change asked for by a member: staff (any allowed change) or the appointment's patient
 * (row-level security shows them only their own; they may confirm, and cancel within the
 * organization's notice window). A no-show cannot be recorded before the start. Audited; a
 * cancellation is announced to live timeslots once committed.
 */
export async function transitionAppointment(
  ctx: Context,
  id: string,
  to: AppointmentStatus,
  reason: string | null = null,
): Promise<Appointment> {
  const actor = memberActor(ctx);
  const now = new Date();
  const updated = await audited(ctx, async (tx) => {
    const before = await lockVisibleAppointment(tx, id);
    if (actor === "patient" && to === "cancelled") {
      const { cancellationNoticeHours } = await appointmentSettings.read(tx, before.organizationId);
      assertPatientMayChange(before, to, now, cancellationNoticeHours);
    }
    if (to === "no_show" && before.startAt > now) {
      throw new InvalidTransitionError("Appointment", before.status, to, "the appointment has not started yet");
    }
    const after = await changeStatus(tx, before, to, { actor, actorUserId: ctx.scope.userId, reason, now });
    return {
      value: after,
      audit: { action: `appointment.${verbs[to]}`, entityType: "Appointment", entityId: id, before, after },
    };
  });
  if (to === "cancelled") await announceAppointmentTime(ctx.services, "APPOINTMENT_CANCELLED", updated);
  return updated;
}
