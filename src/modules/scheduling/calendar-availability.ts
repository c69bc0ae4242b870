import type { Prisma } from "../../db/prisma.js";
import {
  type CalendarRules,
  computeTimeslots,
  type DateOverride,
  type Timeslot,
  type WeeklyRange,
} from "./availability/compute-timeslots.js";
import { localDate } from "./availability/time-zones.js";
import type { Hold } from "./holds/hold-store.js";
import { isoDate } from "./schedule-override.type.js";
import { readDayRanges, readWeeklyRanges } from "./time-ranges.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Busy time and overrides are read this far around a range: a slot's local date, buffers and daily cap reach beyond it. */
const MARGIN = 2 * DAY;

export interface ScheduledSpecialist {
  id: string;
  timeZone: string;
  weight: number;
  addedAt: Date;
  weeklyHours: WeeklyRange[];
  overrides: DateOverride[];
}

export interface BookedTime {
  specialistId: string;
  calendarId: string;
  start: number;
  end: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
}

/** A calendar and everything availability reads from the database for one range. */
export interface CalendarSchedule {
  id: string;
  organizationId: string;
  slug: string | null;
  active: boolean;
  timezone: string;
  durationMinutes: number;
  rules: CalendarRules;
  /** Active specialists, in the order they joined the calendar. */
  specialists: ScheduledSpecialist[];
  appointments: BookedTime[];
}

/**
 * Reads a calendar with its service, active specialists (weekly hours, overrides) and their booked
 * appointments around [from, to). Null when row-level security hides the calendar. Selects only
 * columns the booking-widget role may read.
 */
export async function readCalendarSchedule(
  tx: Prisma.TransactionClient,
  calendarId: string,
  from: number,
  to: number,
): Promise<CalendarSchedule | null> {
  const calendar = await tx.calendar.findUnique({
    where: { id: calendarId },
    include: {
      service: { select: { durationMinutes: true } },
      specialists: {
        orderBy: [{ createdAt: "asc" }, { specialistId: "asc" }],
        select: {
          weight: true,
          createdAt: true,
          specialist: {
            select: {
              id: true,
              timezone: true,
              active: true,
              weeklyHours: { select: { weekday: true, startMinute: true, endMinute: true } },
              overrides: {
                where: { date: { gte: new Date(from - MARGIN), lte: new Date(to + MARGIN) } },
                select: { date: true, ranges: true },
              },
            },
          },
        },
      },
    },
  });
  if (!calendar) return null;
  const specialists = calendar.specialists
    .filter((link) => link.specialist.active)
    .map(({ weight, createdAt, specialist }) => ({
      id: specialist.id,
      timeZone: specialist.timezone,
      weight,
      addedAt: createdAt,
      weeklyHours: specialist.weeklyHours.map((r) => ({ weekday: r.weekday, start: r.startMinute, end: r.endMinute })),
      overrides: specialist.overrides.map((o) => ({ date: isoDate(o.date), ranges: readDayRanges(o.ranges) })),
    }));
  const appointments = specialists.length
    ? await tx.appointment.findMany({
        where: {
          specialistId: { in: specialists.map((s) => s.id) },
          status: "booked",
          startAt: { lt: new Date(to + MARGIN) },
          endAt: { gt: new Date(from - MARGIN) },
        },
        select: {
          specialistId: true,
          calendarId: true,
          startAt: true,
          endAt: true,
          bufferBeforeMinutes: true,
          bufferAfterMinutes: true,
        },
      })
    : [];
  const campaign =
    calendar.kind === "campaign" && calendar.campaignValidFrom && calendar.campaignValidTo && calendar.campaignMode
      ? {
          timeZone: calendar.timezone,
          validFrom: calendar.campaignValidFrom.getTime(),
          validTo: calendar.campaignValidTo.getTime(),
          mode: calendar.campaignMode,
          weeklyHours: readWeeklyRanges(calendar.campaignHours),
        }
      : null;
  return {
    id: calendar.id,
    organizationId: calendar.organizationId,
    slug: calendar.slug,
    active: calendar.active,
    timezone: calendar.timezone,
    durationMinutes: calendar.service.durationMinutes,
    rules: {
      durationMinutes: calendar.service.durationMinutes,
      slotIntervalMinutes: calendar.slotIntervalMinutes,
      bufferBeforeMinutes: calendar.bufferBeforeMinutes,
      bufferAfterMinutes: calendar.bufferAfterMinutes,
      minimumNoticeMinutes: calendar.minimumNoticeMinutes,
      bookingHorizonDays: calendar.bookingHorizonDays,
      maxBookingsPerDayPerSpecialist: calendar.maxBookingsPerDayPerSpecialist,
      campaign,
    },
    specialists,
    appointments: appointments.map((a) => ({
      specialistId: a.specialistId,
      calendarId: a.calendarId,
      start: a.startAt.getTime(),
      end: a.endAt.getTime(),
      bufferBeforeMinutes: a.bufferBeforeMinutes,
      bufferAfterMinutes: a.bufferAfterMinutes,
    })),
  };
}

/** The interval a range needs holds for (busy time reaches beyond it). */
export const holdWindow = (from: number, to: number) => ({ from: from - MARGIN, to: to + MARGIN });

/**
 * The calendar's slots starting in [from, to): its specialists' hours less their appointments
 * (with the buffers they were booked with) and live holds (any calendar's), with this calendar's
 * appointments and holds counting toward its daily cap. `specialistId` keeps one specialist.
 */
export function calendarTimeslots(
  schedule: CalendarSchedule,
  holds: Hold[],
  range: { from: number; to: number; now: number; specialistId?: string },
): Timeslot[] {
  const specialists = schedule.specialists.filter((s) => !range.specialistId || s.id === range.specialistId);
  return computeTimeslots({
    from: range.from,
    to: range.to,
    now: range.now,
    rules: schedule.rules,
    specialists: specialists.map((specialist) => {
      const busy: { start: number; end: number }[] = [];
      const bookingsPerDate: Record<string, number> = {};
      const count = (start: number) => {
        const date = localDate(specialist.timeZone, start);
        bookingsPerDate[date] = (bookingsPerDate[date] ?? 0) + 1;
      };
      for (const a of schedule.appointments) {
        if (a.specialistId !== specialist.id) continue;
        busy.push({ start: a.start - a.bufferBeforeMinutes * MINUTE, end: a.end + a.bufferAfterMinutes * MINUTE });
        if (a.calendarId === schedule.id) count(a.start);
      }
      for (const h of holds) {
        if (h.specialistId !== specialist.id) continue;
        busy.push({ start: h.start, end: h.end });
        if (h.calendarId === schedule.id) count(h.slotStart);
      }
      return { ...specialist, busy, bookingsPerDate };
    }),
  });
}
