import { randomUUID } from "node:crypto";
import type { Container } from "../../../../container.js";

/** Why a calendar's timeslots may have changed. */
export const timeslotsChangeReasons = [
  "HOLD_CREATED",
  "HOLD_RELEASED",
  "HOLD_EXPIRED",
  "APPOINTMENT_BOOKED",
  "APPOINTMENT_CANCELLED",
  "APPOINTMENT_RESCHEDULED",
  "CALENDAR_UPDATED",
  "SCHEDULE_UPDATED",
] as const;
export type TimeslotsChangeReason = (typeof timeslotsChangeReasons)[number];

/** What crosses processes on a calendar's channel: what happened, and which time it touched (null: any). */
export interface CalendarChange {
  /** Unique per announcement: subscribers of one process share one computation per change. */
  id: string;
  reason: TimeslotsChangeReason;
  start: number | null;
  end: number | null;
}

declare module "../../../../pubsub/pubsub.js" {
  interface PubSubChannels {
    "scheduling:calendar-changed": [calendarId: string, change: CalendarChange];
  }
}

export interface CalendarChangeAnnouncement {
  reason: TimeslotsChangeReason;
  /** Announce on every calendar that offers this specialist. */
  specialistId?: string;
  /** And on these calendars. */
  calendarIds?: string[];
  /** The time that changed (epoch ms), e.g. an appointment with its buffers; unset: any time. */
  start?: number;
  end?: number;
}

/**
 * Tells the subscribers of `timeslotsChanged`, in every server process, that calendars' slots may
 * have changed; each recomputes its range (once per process and range). Call it after the change
 * is committed: holds call it, and booking or cancelling an appointment must too
 * (`{ reason: "APPOINTMENT_BOOKED", specialistId, start, end }`).
 */
export async function announceCalendarChange(services: Container, announcement: CalendarChangeAnnouncement) {
  const calendarIds = new Set(announcement.calendarIds ?? []);
  if (announcement.specialistId) {
    // The owner connection: expiry sweeps announce outside any request (specialist ids are globally unique).
    const offered = await services.adminDb.calendarSpecialist.findMany({
      where: { specialistId: announcement.specialistId },
      select: { calendarId: true },
    });
    for (const { calendarId } of offered) calendarIds.add(calendarId);
  }
  const change: CalendarChange = {
    id: randomUUID(),
    reason: announcement.reason,
    start: announcement.start ?? null,
    end: announcement.end ?? null,
  };
  for (const calendarId of calendarIds) services.pubsub.publish("scheduling:calendar-changed", calendarId, change);
}
