import type { Prisma } from "../../../../db/prisma.js";
import type { Hold } from "../../../../holds/hold-store.js";
import { readDayRanges, readWeeklyRanges } from "../schedule/time-ranges.js";
import {
  type CalendarRules,
  computeTimeslots,
  type DateOverride,
  type Timeslot,
  type WeeklyRange,
} from "./compute-timeslots.js";
import { localDate } from "./time-zones.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Busy time and overrides are read this far around a range: a slot's local date, buffers and daily cap reach beyond it. */
const MARGIN = 2 * DAY;

interface Interval {
  start: number;
  end: number;
}

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
  /** Booked through this calendar (counts toward its daily cap). */
  inThisCalendar: boolean;
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
  /** Active specialists, in the order they joined the calendar (only the one asked for, when read for one). */
  specialists: ScheduledSpecialist[];
  appointments: BookedTime[];
}

interface ScheduleRow {
  id: string;
  organization_id: string;
  slug: string | null;
  active: boolean;
  timezone: string;
  kind: "default" | "campaign" | "promotion";
  slot_interval_minutes: number;
  buffer_before_minutes: number;
  buffer_after_minutes: number;
  minimum_notice_minutes: number;
  booking_horizon_days: number;
  max_bookings_per_day_per_specialist: number | null;
  campaign_valid_from: Date | null;
  campaign_valid_to: Date | null;
  campaign_mode: "replace" | "narrow" | null;
  campaign_hours: unknown;
  duration_minutes: number;
  /** `[id, timezone, weight, addedAt (ms), [[weekday, start, end]...], [[date, ranges]...]]` per active specialist. */
  specialists: [string, string, number, number, [number, number, number][], [string, unknown][]][];
  /**
   * Booked appointments: their specialists, and `[inThisCalendar (0/1), start (ms), end (ms),
   * bufferBefore, bufferAfter]` in the same order (one row feeds both aggregates); null when none.
   * JSON of flat arrays: far cheaper to build and to parse than a JSON object per row.
   */
  booked_specialists: string[] | null;
  booked_times: [number, number, number, number, number][] | null;
}

/**
 * Reads a calendar with its service, active specialists (weekly hours, overrides) and their booked
 * appointments around [from, to), in one statement (the hot path of every timeslots request:
 * PostgreSQL builds the nested rows as JSON, so there is one round trip, whatever the number of
 * specialists). Null when row-level security hides the calendar. Reads only columns the
 * booking-widget role may read. With `specialistId`, only that specialist (none when it is not
 * on the calendar) and their appointments.
 */
export async function readCalendarSchedule(
  tx: Prisma.TransactionClient,
  calendarId: string,
  from: number,
  to: number,
  specialistId?: string,
): Promise<CalendarSchedule | null> {
  const [row] = await tx.$queryRaw<ScheduleRow[]>`
    WITH offered AS (
      SELECT cs.specialist_id, cs.weight, cs.created_at, sp.timezone
      FROM calendar_specialists cs JOIN specialists sp ON sp.id = cs.specialist_id
      WHERE cs.calendar_id = ${calendarId}::uuid AND sp.active
        AND (${specialistId ?? null}::uuid IS NULL OR cs.specialist_id = ${specialistId ?? null}::uuid)
    )
    SELECT c.id, c.organization_id, c.slug, c.active, c.timezone, c.kind, c.slot_interval_minutes,
      c.buffer_before_minutes, c.buffer_after_minutes, c.minimum_notice_minutes, c.booking_horizon_days,
      c.max_bookings_per_day_per_specialist, c.campaign_valid_from, c.campaign_valid_to, c.campaign_mode,
      c.campaign_hours, s.duration_minutes,
      (SELECT coalesce(json_agg(json_build_array(
          o.specialist_id, o.timezone, o.weight, date_part('epoch', o.created_at) * 1000,
          (SELECT coalesce(json_agg(json_build_array(h.weekday, h.start_minute, h.end_minute)), '[]')
             FROM specialist_weekly_hours h WHERE h.specialist_id = o.specialist_id),
          (SELECT coalesce(json_agg(json_build_array(d.date, d.ranges)), '[]')
             FROM specialist_schedule_overrides d
             WHERE d.specialist_id = o.specialist_id AND d.date BETWEEN ${new Date(from - MARGIN)}::date AND ${new Date(to + MARGIN)}::date)
        ) ORDER BY o.created_at, o.specialist_id), '[]') FROM offered o) AS specialists,
      b.*
    FROM calendars c JOIN services s ON s.id = c.service_id,
    LATERAL (
      SELECT to_json(array_agg(a.specialist_id)) AS booked_specialists,
        to_json(array_agg(ARRAY[(a.calendar_id = c.id)::int, date_part('epoch', a.start_at) * 1000,
          date_part('epoch', a.end_at) * 1000, a.buffer_before_minutes, a.buffer_after_minutes])) AS booked_times
      FROM appointments a
      -- status compared as text: as an enum comparison it matches the partial GiST index of the
      -- exclusion constraint, which the planner then scans whole (several times slower than the
      -- (specialist_id, start_at) index or, on a small table, a sequential scan).
      WHERE a.specialist_id IN (SELECT specialist_id FROM offered) AND a.status::text <> 'cancelled'
        AND a.start_at < ${new Date(to + MARGIN)} AND a.end_at > ${new Date(from - MARGIN)}
    ) b
    WHERE c.id = ${calendarId}::uuid`;
  if (!row) return null;
  const campaign =
    row.kind === "campaign" && row.campaign_valid_from && row.campaign_valid_to && row.campaign_mode
      ? {
          timeZone: row.timezone,
          validFrom: row.campaign_valid_from.getTime(),
          validTo: row.campaign_valid_to.getTime(),
          mode: row.campaign_mode,
          weeklyHours: readWeeklyRanges(row.campaign_hours),
        }
      : null;
  return {
    id: row.id,
    organizationId: row.organization_id,
    slug: row.slug,
    active: row.active,
    timezone: row.timezone,
    durationMinutes: row.duration_minutes,
    rules: {
      durationMinutes: row.duration_minutes,
      slotIntervalMinutes: row.slot_interval_minutes,
      bufferBeforeMinutes: row.buffer_before_minutes,
      bufferAfterMinutes: row.buffer_after_minutes,
      minimumNoticeMinutes: row.minimum_notice_minutes,
      bookingHorizonDays: row.booking_horizon_days,
      maxBookingsPerDayPerSpecialist: row.max_bookings_per_day_per_specialist,
      campaign,
    },
    specialists: row.specialists.map(([id, timeZone, weight, addedAt, hours, overrides]) => ({
      id,
      timeZone,
      weight,
      addedAt: new Date(addedAt),
      weeklyHours: hours.map(([weekday, start, end]) => ({ weekday, start, end })),
      overrides: overrides.map(([date, ranges]) => ({ date, ranges: readDayRanges(ranges) })),
    })),
    appointments: (row.booked_times ?? []).map(([here, start, end, before, after], i) => ({
      specialistId: row.booked_specialists?.[i] ?? "",
      inThisCalendar: here === 1,
      start,
      end,
      bufferBeforeMinutes: before,
      bufferAfterMinutes: after,
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
  const taken = new Map(
    specialists.map((s) => [
      s.id,
      { timeZone: s.timeZone, busy: [] as Interval[], bookingsPerDate: {} as Record<string, number> },
    ]),
  );
  const book = (specialistId: string, inThisCalendar: boolean, busy: Interval, start: number) => {
    const t = taken.get(specialistId);
    if (!t) return;
    t.busy.push(busy);
    if (!inThisCalendar) return;
    const date = localDate(t.timeZone, start);
    t.bookingsPerDate[date] = (t.bookingsPerDate[date] ?? 0) + 1;
  };
  for (const a of schedule.appointments) {
    const busy = { start: a.start - a.bufferBeforeMinutes * MINUTE, end: a.end + a.bufferAfterMinutes * MINUTE };
    book(a.specialistId, a.inThisCalendar, busy, a.start);
  }
  for (const h of holds)
    book(h.specialistId, h.calendarId === schedule.id, { start: h.start, end: h.end }, h.slotStart);
  return computeTimeslots({
    from: range.from,
    to: range.to,
    now: range.now,
    rules: schedule.rules,
    specialists: specialists.map((s) => ({ ...s, ...(taken.get(s.id) as NonNullable<ReturnType<typeof taken.get>>) })),
  });
}
