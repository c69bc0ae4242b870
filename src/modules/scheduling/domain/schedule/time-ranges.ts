import { z } from "zod";
import type { DayRange, WeeklyRange } from "../availability/compute-timeslots.js";

/** `HH:MM` on the wall clock, 00:00 to 24:00 (24:00 ends a range at midnight). */
export const timeOfDay = z
  .string()
  .regex(/^(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: "must be a time of day HH:MM, 00:00 to 24:00" });

/** Whether `YYYY-MM-DD` names a real calendar date (not 2027-13-01, not 2026-02-30). */
export function isCalendarDate(v: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `YYYY-MM-DD`, a real calendar date. */
export const localDate = z.string().refine(isCalendarDate, { message: "must be a date YYYY-MM-DD" });

/** Minutes since midnight of an `HH:MM` already validated by {@link timeOfDay}. */
export function minutesOf(time: string): number {
  const [hours, minutes] = time.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function formatMinutes(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;
}

const isTime = (v: string) => timeOfDay.safeParse(v).success;

/** A range `{ start, end }` of `HH:MM` times that ends after it starts. */
export const timeRange = z.looseObject({ start: timeOfDay, end: timeOfDay }).refine(
  // (Malformed times are reported by their own field.)
  (r) => !isTime(r.start) || !isTime(r.end) || minutesOf(r.start) < minutesOf(r.end),
  { message: "must be after start", path: ["end"] },
);

/** Reports each range that overlaps an earlier one of the same day (`weekday` when given). */
export function nonOverlapping<T extends { start: string; end: string; weekday?: number }>(
  ranges: readonly T[],
  context: z.core.$RefinementCtx<readonly T[]>,
) {
  ranges.forEach((range, i) => {
    // (A range that failed its own validation arrives empty.)
    if (!range) return;
    const overlaps = ranges
      .slice(0, i)
      .some(
        (other) =>
          other &&
          other.weekday === range.weekday &&
          minutesOf(other.start) < minutesOf(range.end) &&
          minutesOf(range.start) < minutesOf(other.end),
      );
    if (overlaps) context.addIssue({ code: "custom", path: [i], message: "overlaps another range of the same day" });
  });
}

export const toDayRange = (r: { start: string; end: string }): DayRange => ({
  start: minutesOf(r.start),
  end: minutesOf(r.end),
});

export const toWeeklyRange = (r: { weekday: number; start: string; end: string }): WeeklyRange => ({
  weekday: r.weekday,
  ...toDayRange(r),
});

const storedDayRange = z.object({ start: z.number().int(), end: z.number().int() });
const storedDayRanges = z.array(storedDayRange);
const storedWeeklyRanges = z.array(storedDayRange.extend({ weekday: z.number().int().min(1).max(7) }));

/** Ranges as stored in JSON columns (override ranges), read back with a shape check. */
export const readDayRanges = (json: unknown): DayRange[] => storedDayRanges.parse(json);

/** Weekly ranges as stored in JSON columns (campaign hours), read back with a shape check. */
export const readWeeklyRanges = (json: unknown): WeeklyRange[] => storedWeeklyRanges.parse(json);
