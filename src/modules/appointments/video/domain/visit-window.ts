/** Participants may join from this long before the start... */
export const JOIN_BEFORE_START_MS = 10 * 60_000;
/** ...until this long after the booked end (visits overrun). */
export const JOIN_AFTER_END_MS = 30 * 60_000;

export interface VisitWindow {
  opensAt: Date;
  closesAt: Date;
}

/** When a video visit can be joined: the room and every meeting token are valid only then. */
export function visitWindow(appointment: { startAt: Date; endAt: Date }): VisitWindow {
  return {
    opensAt: new Date(appointment.startAt.getTime() - JOIN_BEFORE_START_MS),
    closesAt: new Date(appointment.endAt.getTime() + JOIN_AFTER_END_MS),
  };
}

export const isWithin = (window: VisitWindow, at: Date) => at >= window.opensAt && at <= window.closesAt;

/** Seconds since the epoch, as Daily's `nbf` and `exp` take them. */
export const unixSeconds = (at: Date) => Math.floor(at.getTime() / 1000);

/**
 * The Daily room of an appointment at its current time: the appointment id and its start, so
 * a rescheduled appointment gets a new room (with the new window) while the old one is deleted,
 * and retrying a creation that Daily already made finds the same name. Daily allows
 * `[A-Za-z0-9_-]`, at most 128 characters.
 */
export function roomNameFor(appointment: { id: string; startAt: Date }): string {
  return `cg-${appointment.id}-${unixSeconds(appointment.startAt).toString(36)}`;
}
