import { InvalidTransitionError } from "../../../../errors.js";
import type { Appointment, AppointmentStatus } from "../../../../generated/prisma/client.js";

/**
 * The appointment lifecycle: the statuses each status may become. `done`, `cancelled` and
 * `no_show` are final. Rescheduling is not a status change: a `booked` or `upcoming`
 * appointment moves to another time and is `booked` again (see reschedule.ts).
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

const HOUR = 3_600_000;
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
