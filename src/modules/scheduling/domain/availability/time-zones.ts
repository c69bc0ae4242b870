/**
 * Wall-clock ⇄ instant conversions for IANA time zones, built on Intl and memoised, so the
 * availability engine can convert thousands of times per request in well under a millisecond.
 * Instants are epoch milliseconds; a local time is a date (`YYYY-MM-DD`) plus minutes since midnight.
 */

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Offsets change on quarter-hour boundaries in every zone in use today. */
const BUCKET = 15 * MINUTE;

const formatters = new Map<string, Intl.DateTimeFormat>();
const offsetsByZone = new Map<string, Map<number, number>>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when `timeZone` is an IANA zone this runtime knows. */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Minutes to add to UTC to get local time in `timeZone` at `instant` (e.g. -240 for New York in summer). */
export function offsetMinutes(timeZone: string, instant: number): number {
  const bucket = Math.floor(instant / BUCKET) * BUCKET;
  let offsets = offsetsByZone.get(timeZone);
  if (!offsets) {
    offsets = new Map();
    offsetsByZone.set(timeZone, offsets);
  }
  let offset = offsets.get(bucket);
  if (offset === undefined) {
    const parts = Object.fromEntries(
      formatter(timeZone)
        .formatToParts(bucket)
        .map((p) => [p.type, p.value]),
    );
    const localAsUtc = Date.UTC(
      Number(parts.year),
      Number(parts.month) - 1,
      Number(parts.day),
      Number(parts.hour),
      Number(parts.minute),
    );
    offset = Math.round((localAsUtc - bucket) / MINUTE);
    offsets.set(bucket, offset);
  }
  return offset;
}

const dateOfDay = new Map<number, string>();
const dayOfDate = new Map<string, number>();

/** `YYYY-MM-DD` of a day number (days since 1970-01-01), memoised: the engine names the same dates over and over. */
function dateOfDayNumber(day: number): string {
  let date = dateOfDay.get(day);
  if (date === undefined) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    dateOfDay.set(day, date);
  }
  return date;
}

/** The day number of `YYYY-MM-DD`, memoised. */
function dayNumberOf(date: string): number {
  let day = dayOfDate.get(date);
  if (day === undefined) {
    day = Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY);
    dayOfDate.set(date, day);
  }
  return day;
}

/** `YYYY-MM-DD` + minutes as if it were UTC: the arithmetic base for local times. */
export function localAsUtc(date: string, minutes: number): number {
  return dayNumberOf(date) * DAY + minutes * MINUTE;
}

/**
 * The instants a local time names: none in a spring-forward gap, two in a fall-back overlap
 * (earlier first), otherwise one.
 */
export function instantsOf(timeZone: string, date: string, minutes: number): number[] {
  const local = localAsUtc(date, minutes);
  const candidates = new Set([offsetMinutes(timeZone, local - DAY / 2), offsetMinutes(timeZone, local + DAY / 2)]);
  const found: number[] = [];
  for (const offset of candidates) {
    const instant = local - offset * MINUTE;
    if (offsetMinutes(timeZone, instant) === offset) found.push(instant);
  }
  return found.sort((a, b) => a - b);
}

/**
 * A range boundary as an instant: a time in a gap moves forward by the gap (02:30 → 03:30 on
 * a spring-forward night), a repeated time takes its first occurrence.
 */
export function boundaryInstant(timeZone: string, date: string, minutes: number): number {
  const [first] = instantsOf(timeZone, date, minutes);
  if (first !== undefined) return first;
  const local = localAsUtc(date, minutes);
  return local - offsetMinutes(timeZone, local - DAY / 2) * MINUTE;
}

/**
 * A function from minutes-since-midnight of `date` to the first instant they name (undefined
 * in a gap); on the days without an offset change (all but about two a year) it is plain arithmetic.
 */
export function dayClock(timeZone: string, date: string): (minutes: number) => number | undefined {
  const midnight = localAsUtc(date, 0);
  const before = offsetMinutes(timeZone, midnight - DAY / 2);
  if (before !== offsetMinutes(timeZone, midnight + (3 * DAY) / 2)) {
    return (minutes) => instantsOf(timeZone, date, minutes)[0];
  }
  const base = midnight - before * MINUTE;
  return (minutes) => base + minutes * MINUTE;
}

/** The local date of an instant in a zone. */
export function localDate(timeZone: string, instant: number): string {
  return dateOfDayNumber(Math.floor((instant + offsetMinutes(timeZone, instant) * MINUTE) / DAY));
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
const offsetSuffixes = new Map<number, string>();

/** `+HH:MM` / `-HH:MM` of an offset in minutes, memoised. */
function offsetSuffix(offset: number): string {
  let suffix = offsetSuffixes.get(offset);
  if (suffix === undefined) {
    const abs = Math.abs(offset);
    suffix = `${offset < 0 ? "-" : "+"}${pad2(Math.floor(abs / 60))}:${pad2(abs % 60)}`;
    offsetSuffixes.set(offset, suffix);
  }
  return suffix;
}

/** ISO 8601 with the zone's offset at that instant, e.g. `2026-03-08T03:00:00-04:00`. */
export function formatInZone(instant: number, timeZone: string): string {
  const offset = offsetMinutes(timeZone, instant);
  const local = instant + offset * MINUTE;
  const day = Math.floor(local / DAY);
  const seconds = Math.floor((local - day * DAY) / 1000);
  const time = `${pad2(Math.floor(seconds / 3600))}:${pad2(Math.floor(seconds / 60) % 60)}:${pad2(seconds % 60)}`;
  return `${dateOfDayNumber(day)}T${time}${offsetSuffix(offset)}`;
}

/** Every date from `first` to `last` inclusive (`YYYY-MM-DD`). */
export function datesBetween(first: string, last: string): string[] {
  const dates: string[] = [];
  for (let day = dayNumberOf(first); day <= dayNumberOf(last); day++) dates.push(dateOfDayNumber(day));
  return dates;
}

/** ISO weekday of a date: 1 = Monday … 7 = Sunday (1970-01-01, day 0, was a Thursday). */
export function isoWeekday(date: string): number {
  return ((((dayNumberOf(date) + 3) % 7) + 7) % 7) + 1;
}
