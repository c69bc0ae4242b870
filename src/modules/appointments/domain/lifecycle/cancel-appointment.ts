import type { Prisma } from "../../../../db/prisma.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { appointmentSettings } from "../../settings.js";
import { memberActor, memberStatusChange } from "./change-status.js";
import { assertPatientMayChange } from "./transitions.js";

export interface CancelAppointment {
  id: string;
  reason?: string | null;
}

/**
 * booked/upcoming → cancelled: the time is free again, a consumed plan session is given back and
 * the video room (if any) is deleted. Staff any time; the appointment's patient up to the
 * organization's `cancellationNoticeHours` before the start. Once committed, the caller tells
 * live timeslots (`announceAppointmentTime` with `APPOINTMENT_CANCELLED`).
 */
export function cancelAppointment(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: CancelAppointment,
): Promise<Audited<Appointment>> {
  const now = new Date();
  return memberStatusChange(tx, actor, {
    id: input.id,
    to: "cancelled",
    action: "appointment.cancel",
    reason: input.reason ?? null,
    now,
    check: async (before) => {
      if (memberActor(actor) !== "patient") return;
      const { cancellationNoticeHours } = await appointmentSettings.read(tx, before.organizationId);
      assertPatientMayChange(before, "cancelled", now, cancellationNoticeHours);
    },
  });
}
