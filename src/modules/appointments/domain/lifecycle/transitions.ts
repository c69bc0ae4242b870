import { InvalidTransitionError } from "../../../../errors.js";
import type { Appointment, AppointmentStatus } from "../../../../generated/prisma/client.js";

const HOUR = 3_600_000;

/**
 * The appointment lifecycle: the statuses each status may become. `done`, `cancelled` and
 * `no_show` are final. Rescheduling is not a status change: a `booked` or `upcoming`
 * appointment moves to another time and is `booked` again (see `../booking/reschedule-appointment.ts`).
 */
export const allowedTransitions: Record<AppointmentStatus, readonly AppointmentStatus[]> = {
  booked: ["upcoming", "in_progress", "cancelled", "no_show"],
  upcoming: ["in_progress", "cancelled", "no_show"],
  in_progress: ["done"],
  done: [],
  cancelled: [],
  no_show: [],
};

/** Statuses whose appointment may still be cancelled or moved. */
export const changeableStatuses: readonly AppointmentStatus[] = ["booked", "upcoming"];

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

/** Throws InvalidTransitionError unless the lifecycle allows `from` → `to`. */
export function assertTransition(from: AppointmentStatus, to: AppointmentStatus): void {
  const allowed = allowedTransitions[from];
  if (allowed.includes(to)) return;
  throw new InvalidTransitionError(
    "Appointment",
    from,
    to,
    allowed.length ? `only ${allowed.join(", ")} may follow ${from}` : `${from} is final`,
  );
}

const MINUTE = 60_000;
/** An appointment never started becomes a no-show this long after its end. */
export const NO_SHOW_GRACE_MINUTES = 15;

/** When an appointment is due to become upcoming, and to be a no-show if never started. */
export function lifecycleTimes(appointment: Pick<Appointment, "startAt" | "endAt">, reminderWindowHours: number) {
  return {
    upcomingAt: new Date(appointment.startAt.getTime() - reminderWindowHours * HOUR),
    noShowAt: new Date(appointment.endAt.getTime() + NO_SHOW_GRACE_MINUTES * MINUTE),
  };
}
