import type { Prisma } from "../../db/prisma.js";
import { InvalidTransitionError } from "../../errors.js";
import type { Appointment, AppointmentStatus } from "../../generated/prisma/client.js";
import type { Context } from "../../graphql/context.js";
import { audited } from "../audit/audited.js";
import { organizationSettings } from "../organizations/settings.js";
import { announceCalendarChange } from "../scheduling/announce.js";
import { changeStatus, lockVisibleAppointment } from "./change-status.js";

const HOUR = 3_600_000;
const MINUTE = 60_000;

/** The audit verb of each status change. */
const verbs: Partial<Record<AppointmentStatus, string>> = {
  upcoming: "confirm",
  in_progress: "start",
  done: "complete",
  cancelled: "cancel",
  no_show: "no_show",
};

/** When a patient may no longer cancel or move an appointment themselves. */
export async function assertPatientMayChange(
  tx: Prisma.TransactionClient,
  appointment: Appointment,
  to: AppointmentStatus,
  now: Date,
) {
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: appointment.organizationId } });
  const { cancellationNoticeHours } = organizationSettings.parse(organization.settings);
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
  const actor = ctx.scope.role === "patient" ? "patient" : "staff";
  const now = new Date();
  const updated = await audited(ctx, async (tx) => {
    const before = await lockVisibleAppointment(tx, id);
    if (actor === "patient" && to === "cancelled") await assertPatientMayChange(tx, before, to, now);
    if (to === "no_show" && before.startAt > now) {
      throw new InvalidTransitionError("Appointment", before.status, to, "the appointment has not started yet");
    }
    const after = await changeStatus(tx, before, to, { actor, actorUserId: ctx.scope.userId, reason, now });
    return {
      value: after,
      audit: { action: `appointment.${verbs[to]}`, entityType: "Appointment", entityId: id, before, after },
    };
  });
  if (to === "cancelled") {
    await announceCalendarChange(ctx.services, {
      reason: "APPOINTMENT_CANCELLED",
      specialistId: updated.specialistId,
      start: updated.startAt.getTime() - updated.bufferBeforeMinutes * MINUTE,
      end: updated.endAt.getTime() + updated.bufferAfterMinutes * MINUTE,
    });
  }
  return updated;
}
