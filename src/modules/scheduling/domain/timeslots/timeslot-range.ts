import { type FieldIssue, ValidationError } from "../../../../errors.js";
import { boundaryInstant, isTimeZone } from "../availability/time-zones.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
/** The longest range one request may ask for. */
export const MAX_RANGE_DAYS = 62;

/** A validated request for slots starting in [from, to), shown in `timeZone`. */
export interface TimeslotRange {
  from: number;
  to: number;
  timeZone: string;
}

const pattern = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

/**
 * An instant from `YYYY-MM-DD` (midnight in `timeZone`), a local `YYYY-MM-DDTHH:MM[:SS]` (in
 * `timeZone`), or an ISO 8601 date-time with `Z` or an offset. Null when malformed.
 */
export function parseInstant(text: string, timeZone: string): number | null {
  const m = pattern.exec(text);
  if (!m) return null;
  const [, date = "", hh = "0", mm = "0", ss = "0", ms = "0", zone] = m;
  const [y, mo, d] = date.split("-").map(Number) as [number, number, number];
  const [hours, minutes, seconds] = [Number(hh), Number(mm), Number(ss)];
  const day = Date.UTC(y, mo - 1, d);
  if (new Date(day).toISOString().slice(0, 10) !== date || hours > 23 || minutes > 59 || seconds > 59) return null;
  const sinceMidnight = (hours * 3600 + minutes * 60 + seconds) * 1000 + Number(ms.padEnd(3, "0"));
  if (zone === undefined) {
    const wholeMinutes = Math.floor(sinceMidnight / MINUTE);
    return boundaryInstant(timeZone, date, wholeMinutes) + (sinceMidnight - wholeMinutes * MINUTE);
  }
  if (zone === "Z") return day + sinceMidnight;
  const sign = zone.startsWith("-") ? -1 : 1;
  const [oh, om] = zone.slice(1).split(":").map(Number) as [number, number];
  if (oh > 23 || om > 59) return null;
  return day + sinceMidnight - sign * (oh * 60 + om) * MINUTE;
}

/**
 * Validates a timeslots request: a known IANA zone, well-formed `from` and `to`, `to` after
 * `from`, at most {@link MAX_RANGE_DAYS} days. Every problem is reported at once, by argument name.
 */
export function parseTimeslotRange(args: { from: string; to: string; timeZone: string }): TimeslotRange {
  const issues: FieldIssue[] = [];
  const zoneKnown = isTimeZone(args.timeZone);
  if (!zoneKnown) issues.push({ path: ["timeZone"], message: "must be an IANA time zone such as Europe/Berlin" });
  const zone = zoneKnown ? args.timeZone : "UTC";
  const from = parseInstant(args.from, zone);
  const to = parseInstant(args.to, zone);
  const format = "must be a date (YYYY-MM-DD) or an ISO 8601 date-time";
  if (from === null) issues.push({ path: ["from"], message: format });
  if (to === null) issues.push({ path: ["to"], message: format });
  if (from !== null && to !== null) {
    if (to <= from) issues.push({ path: ["to"], message: "must be after from" });
    else if (to - from > MAX_RANGE_DAYS * DAY) {
      issues.push({ path: ["to"], message: `must be at most ${MAX_RANGE_DAYS} days after from` });
    }
  }
  if (issues.length || from === null || to === null) throw new ValidationError(issues);
  return { from, to, timeZone: args.timeZone };
}
