import { boundaryInstant, datesBetween, dayClock, isoWeekday, localDate } from "./time-zones.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

/** A wall-clock range within one day, in minutes since midnight (end exclusive, up to 1440). */
export interface DayRange {
  start: number;
  end: number;
}

export interface WeeklyRange extends DayRange {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
}

/** A date made unavailable (`ranges` empty) or given its own ranges. */
export interface DateOverride {
  date: string;
  ranges: DayRange[];
}

export interface SpecialistSchedule {
  id: string;
  timeZone: string;
  weeklyHours: WeeklyRange[];
  overrides: DateOverride[];
  /** Intervals already taken (appointments with their buffers, live holds), any order. */
  busy: { start: number; end: number }[];
  /** Bookings already made per local date (specialist's zone), for the daily cap. */
  bookingsPerDate?: Record<string, number>;
}

export interface CalendarRules {
  durationMinutes: number;
  slotIntervalMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  minimumNoticeMinutes: number;
  bookingHorizonDays: number;
  maxBookingsPerDayPerSpecialist: number | null;
  /**
   * A campaign calendar's own hours, in `timeZone`, while [validFrom, validTo) runs: `replace`
   * the specialists' weekly hours with them, or `narrow` the specialists' hours to them.
   */
  campaign: {
    timeZone: string;
    validFrom: number;
    validTo: number;
    mode: "replace" | "narrow";
    weeklyHours: WeeklyRange[];
  } | null;
}

export interface AvailabilityInput {
  /** Slots starting in [from, to) are returned. */
  from: number;
  to: number;
  now: number;
  rules: CalendarRules;
  specialists: SpecialistSchedule[];
}

export interface Timeslot {
  start: number;
  end: number;
  /** Who is free for the whole slot (buffers included), in input order. */
  specialistIds: string[];
}

interface Interval {
  start: number;
  end: number;
}

/**
 * The bookable slots of a calendar: weekly hours (or overrides, or campaign hours) expanded per
 * local date in each specialist's zone, stepped on the wall clock (so no slot starts at a time
 * that does not exist, and a repeated hour gives no second slot), cut by duration, notice,
 * horizon, the campaign window, busy intervals with buffers, and the daily cap.
 * Pure: the same input gives the same output, with no I/O.
 */
export function computeTimeslots(input: AvailabilityInput): Timeslot[] {
  const { rules } = input;
  const earliest = Math.max(input.from, input.now + rules.minimumNoticeMinutes * MINUTE);
  const latest = Math.min(input.to, input.now + rules.bookingHorizonDays * DAY);
  const bySlot = new Map<number, Timeslot>();
  if (earliest >= latest || rules.durationMinutes <= 0 || rules.slotIntervalMinutes <= 0) return [];

  const campaignWindows = rules.campaign
    ? rangesToIntervals(rules.campaign.timeZone, rules.campaign.weeklyHours, [], earliest, latest)
        .map((i) => ({
          start: Math.max(i.start, rules.campaign?.validFrom ?? i.start),
          end: Math.min(i.end, rules.campaign?.validTo ?? i.end),
        }))
        .filter((i) => i.start < i.end)
    : null;

  input.specialists.forEach((specialist) => {
    const busy = mergeSorted(specialist.busy);
    const replaced = rules.campaign?.mode === "replace";
    const unavailable = new Set(specialist.overrides.filter((o) => o.ranges.length === 0).map((o) => o.date));
    const candidates =
      rules.campaign && replaced
        ? slotStarts(rules.campaign.timeZone, rules.campaign.weeklyHours, [], earliest, latest, rules)
        : slotStarts(specialist.timeZone, specialist.weeklyHours, specialist.overrides, earliest, latest, rules);
    for (const { start, date } of candidates) {
      const end = start + rules.durationMinutes * MINUTE;
      if (start < earliest || start >= latest) continue;
      // Campaign hours replace weekly hours, not a specialist's days off.
      if (replaced && unavailable.has(localDate(specialist.timeZone, start))) continue;
      if (campaignWindows && !campaignWindows.some((w) => w.start <= start && end <= w.end)) continue;
      const blockedFrom = start - rules.bufferBeforeMinutes * MINUTE;
      const blockedTo = end + rules.bufferAfterMinutes * MINUTE;
      if (overlapsAny(busy, blockedFrom, blockedTo)) continue;
      if (rules.maxBookingsPerDayPerSpecialist !== null) {
        const booked = specialist.bookingsPerDate?.[replaced ? localDate(specialist.timeZone, start) : date] ?? 0;
        if (booked >= rules.maxBookingsPerDayPerSpecialist) continue;
      }
      let slot = bySlot.get(start);
      if (!slot) {
        slot = { start, end, specialistIds: [] };
        bySlot.set(start, slot);
      }
      slot.specialistIds.push(specialist.id);
    }
  });
  return [...bySlot.values()].sort((a, b) => a.start - b.start);
}

/** Effective ranges of a date: its override when there is one, else the weekday's weekly ranges. */
function rangesOn(date: string, weekly: WeeklyRange[], overrides: DateOverride[]): DayRange[] {
  const override = overrides.find((o) => o.date === date);
  if (override) return override.ranges;
  const weekday = isoWeekday(date);
  return weekly.filter((r) => r.weekday === weekday);
}

/** Local dates of `timeZone` that can hold a slot in [from, to). */
function localDates(timeZone: string, from: number, to: number): string[] {
  return datesBetween(localDate(timeZone, from - DAY), localDate(timeZone, to + DAY));
}

function rangesToIntervals(
  timeZone: string,
  weekly: WeeklyRange[],
  overrides: DateOverride[],
  from: number,
  to: number,
): Interval[] {
  return localDates(timeZone, from, to).flatMap((date) =>
    rangesOn(date, weekly, overrides).map((r) => ({
      start: boundaryInstant(timeZone, date, r.start),
      end: boundaryInstant(timeZone, date, r.end),
    })),
  );
}

/** Slot starts stepped on the wall clock of `timeZone` from each range's start, with their local date. */
function slotStarts(
  timeZone: string,
  weekly: WeeklyRange[],
  overrides: DateOverride[],
  from: number,
  to: number,
  rules: CalendarRules,
): { start: number; date: string }[] {
  const starts: { start: number; date: string }[] = [];
  for (const date of localDates(timeZone, from, to)) {
    const ranges = rangesOn(date, weekly, overrides);
    if (ranges.length === 0) continue;
    const clock = dayClock(timeZone, date);
    for (const range of ranges) {
      const rangeStart = clock(range.start) ?? boundaryInstant(timeZone, date, range.start);
      const rangeEnd = clock(range.end) ?? boundaryInstant(timeZone, date, range.end);
      for (let minutes = range.start; minutes < range.end; minutes += rules.slotIntervalMinutes) {
        // The first occurrence only: a repeated (fall-back) hour offers its times once.
        const start = clock(minutes);
        if (start === undefined || start < rangeStart) continue;
        if (start + rules.durationMinutes * MINUTE > rangeEnd) break;
        starts.push({ start, date });
      }
    }
  }
  return starts;
}

function mergeSorted(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a.start - b.start);
  const merged: Interval[] = [];
  for (const i of sorted) {
    const last = merged[merged.length - 1];
    if (last && i.start <= last.end) last.end = Math.max(last.end, i.end);
    else merged.push({ ...i });
  }
  return merged;
}

/** Binary search over merged, sorted intervals. */
function overlapsAny(intervals: Interval[], start: number, end: number): boolean {
  let low = 0;
  let high = intervals.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const i = intervals[mid] as Interval;
    if (i.end <= start) low = mid + 1;
    else if (i.start >= end) high = mid - 1;
    else return true;
  }
  return false;
}
