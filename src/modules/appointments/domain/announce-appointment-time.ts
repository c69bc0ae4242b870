import { afterCommit } from "../../../after-commit.js";
import type { Container } from "../../../container.js";
import type { Appointment } from "../../../generated/prisma/client.js";
import { announceCalendarChange, type TimeslotsChangeReason } from "../../scheduling/index.js";

const MINUTE = 60_000;

/**
 * Tells live timeslots that an appointment's busy time (with its buffers) was freed or taken.
 * Best-effort, after the commit: a failure is logged, never the answer.
 */
export function announceAppointmentTime(services: Container, reason: TimeslotsChangeReason, appointment: Appointment) {
  return afterCommit(services.log, `announce ${reason}`, () =>
    announceCalendarChange(services, {
      reason,
      specialistId: appointment.specialistId,
      start: appointment.startAt.getTime() - appointment.bufferBeforeMinutes * MINUTE,
      end: appointment.endAt.getTime() + appointment.bufferAfterMinutes * MINUTE,
    }),
  );
}
