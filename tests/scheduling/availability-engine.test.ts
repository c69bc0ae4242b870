import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AvailabilityInput,
  type CalendarRules,
  computeTimeslots,
  type SpecialistSchedule,
  type WeeklyRange,
} from "../../src/modules/scheduling/domain/availability/compute-timeslots.js";
import {
  formatInZone,
  instantsOf,
  localDate,
  offsetMinutes,
} from "../../src/modules/scheduling/domain/availability/time-zones.js";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const h = (hours: number, minutes = 0) => hours * 60 + minutes;
const allWeek = (start: number, end: number): WeeklyRange[] =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

const rules = (over: Partial<CalendarRules> = {}): CalendarRules => ({
  durationMinutes: 30,
  slotIntervalMinutes: 30,
  bufferBeforeMinutes: 0,
  bufferAfterMinutes: 0,
  minimumNoticeMinutes: 0,
  bookingHorizonDays: 365,
  maxBookingsPerDayPerSpecialist: null,
  campaign: null,
  ...over,
});

const specialist = (
  timeZone: string,
  weeklyHours: WeeklyRange[],
  over: Partial<SpecialistSchedule> = {},
): SpecialistSchedule => ({
  id: "s1",
  timeZone,
  weeklyHours,
  overrides: [],
  busy: [],
  ...over,
});

/** Slots of one specialist over the local day `date` in `timeZone`, formatted in `viewZone`. */
function dayIn(
  timeZone: string,
  date: string,
  weeklyHours: WeeklyRange[],
  viewZone = timeZone,
  over: Partial<AvailabilityInput> = {},
) {
  const next = new Date(Date.parse(`${date}T00:00:00Z`) + 24 * HOUR).toISOString().slice(0, 10);
  const from = instantsOf(timeZone, date, 0)[0] ?? 0;
  const slots = computeTimeslots({
    from,
    to: instantsOf(timeZone, next, 0)[0] ?? 0,
    now: from - 24 * HOUR,
    rules: rules(),
    specialists: [specialist(timeZone, weeklyHours)],
    ...over,
  });
  return slots.map((s) => formatInZone(s.start, viewZone));
}

describe("availability engine across DST changes", () => {
  it("America/New_York, March: no slot in the skipped hour", () => {
    expect(dayIn("America/New_York", "2026-03-08", allWeek(h(0), h(4)))).toEqual([
      "2026-03-08T00:00:00-05:00",
      "2026-03-08T00:30:00-05:00",
      "2026-03-08T01:00:00-05:00",
      "2026-03-08T01:30:00-05:00",
      "2026-03-08T03:00:00-04:00",
      "2026-03-08T03:30:00-04:00",
    ]);
  });

  it("America/New_York, November: the repeated hour gives no duplicated slot", () => {
    const slots = dayIn("America/New_York", "2026-11-01", allWeek(h(0), h(3)));
    expect(slots).toEqual([
      "2026-11-01T00:00:00-04:00",
      "2026-11-01T00:30:00-04:00",
      "2026-11-01T01:00:00-04:00",
      "2026-11-01T01:30:00-04:00",
      "2026-11-01T02:00:00-05:00",
      "2026-11-01T02:30:00-05:00",
    ]);
    expect(new Set(slots.map((s) => s.slice(11, 16))).size).toBe(slots.length);
  });

  it("Europe/Berlin, both changes", () => {
    expect(dayIn("Europe/Berlin", "2026-03-29", allWeek(h(1), h(4)))).toEqual([
      "2026-03-29T01:00:00+01:00",
      "2026-03-29T01:30:00+01:00",
      "2026-03-29T03:00:00+02:00",
      "2026-03-29T03:30:00+02:00",
    ]);
    expect(dayIn("Europe/Berlin", "2026-10-25", allWeek(h(2), h(4)))).toEqual([
      "2026-10-25T02:00:00+02:00",
      "2026-10-25T02:30:00+02:00",
      "2026-10-25T03:00:00+01:00",
      "2026-10-25T03:30:00+01:00",
    ]);
  });

  it("Australia/Lord_Howe: the 30-minute shift skips only 02:00-02:30", () => {
    expect(dayIn("Australia/Lord_Howe", "2026-10-04", allWeek(h(1), h(3)))).toEqual([
      "2026-10-04T01:00:00+10:30",
      "2026-10-04T01:30:00+10:30",
      "2026-10-04T02:30:00+11:00",
    ]);
    const april = dayIn("Australia/Lord_Howe", "2026-04-05", allWeek(h(1), h(3)));
    expect(april).toEqual([
      "2026-04-05T01:00:00+11:00",
      "2026-04-05T01:30:00+11:00",
      "2026-04-05T02:00:00+10:30",
      "2026-04-05T02:30:00+10:30",
    ]);
  });

  it("Asia/Kolkata: +05:30 all year", () => {
    const slots = dayIn("Asia/Kolkata", "2026-06-15", allWeek(h(9), h(10, 30)));
    expect(slots).toEqual(["2026-06-15T09:00:00+05:30", "2026-06-15T09:30:00+05:30", "2026-06-15T10:00:00+05:30"]);
    expect(offsetMinutes("Asia/Kolkata", Date.parse("2026-06-15T03:30:00Z"))).toBe(330);
  });

  it("a specialist in Berlin seen by a patient in New York", () => {
    expect(dayIn("Europe/Berlin", "2026-01-20", allWeek(h(9), h(10)), "America/New_York")).toEqual([
      "2026-01-20T03:00:00-05:00",
      "2026-01-20T03:30:00-05:00",
    ]);
  });

  it("a range crossing the change keeps local 09:00 each day (23 real hours apart)", () => {
    const from = Date.parse("2026-03-07T00:00:00-05:00");
    const slots = computeTimeslots({
      from,
      to: Date.parse("2026-03-10T00:00:00-04:00"),
      now: from - HOUR,
      rules: rules({ durationMinutes: 60, slotIntervalMinutes: 60 }),
      specialists: [specialist("America/New_York", allWeek(h(9), h(10)))],
    });
    expect(slots.map((s) => formatInZone(s.start, "America/New_York"))).toEqual([
      "2026-03-07T09:00:00-05:00",
      "2026-03-08T09:00:00-04:00",
      "2026-03-09T09:00:00-04:00",
    ]);
    expect(((slots[1]?.start ?? 0) - (slots[0]?.start ?? 0)) / HOUR).toBe(23);
  });
});

describe("availability engine rules", () => {
  const day = "2026-05-12"; // a Tuesday
  const zone = "UTC";
  const at = (time: string) => Date.parse(`${day}T${time}:00Z`);
  const base = (
    over: Partial<AvailabilityInput> = {},
    ruleOver: Partial<CalendarRules> = {},
    schedules?: SpecialistSchedule[],
  ) =>
    computeTimeslots({
      from: at("00:00"),
      to: at("23:59"),
      now: at("00:00") - 48 * HOUR,
      rules: rules(ruleOver),
      specialists: schedules ?? [specialist(zone, allWeek(h(9), h(12)))],
      ...over,
    }).map((s) => `${new Date(s.start).toISOString().slice(11, 16)}:${s.specialistIds.join("+")}`);

  it("cuts weekly hours into slots of the service duration on the interval grid", () => {
    expect(base({}, { durationMinutes: 60, slotIntervalMinutes: 30 })).toEqual([
      "09:00:s1",
      "09:30:s1",
      "10:00:s1",
      "10:30:s1",
      "11:00:s1",
    ]);
  });

  it("removes slots overlapping busy time, including the slot's buffers", () => {
    const busy = [{ start: at("10:00"), end: at("10:30") }];
    expect(base({}, {}, [specialist(zone, allWeek(h(9), h(12)), { busy })])).toEqual([
      "09:00:s1",
      "09:30:s1",
      "10:30:s1",
      "11:00:s1",
      "11:30:s1",
    ]);
    expect(
      base({}, { bufferBeforeMinutes: 15, bufferAfterMinutes: 15 }, [specialist(zone, allWeek(h(9), h(12)), { busy })]),
    ).toEqual(["09:00:s1", "11:00:s1", "11:30:s1"]);
  });

  it("respects minimum notice and the booking horizon", () => {
    expect(base({ now: at("09:40") }, { minimumNoticeMinutes: 60 })).toEqual(["11:00:s1", "11:30:s1"]);
    expect(base({ now: at("09:00") - 24 * HOUR + MINUTE }, { bookingHorizonDays: 1 })).toEqual(["09:00:s1"]);
  });

  it("applies date overrides: a day off, or other hours", () => {
    const dayOff = specialist(zone, allWeek(h(9), h(12)), { overrides: [{ date: day, ranges: [] }] });
    expect(base({}, {}, [dayOff])).toEqual([]);
    const other = specialist(zone, allWeek(h(9), h(12)), {
      overrides: [{ date: day, ranges: [{ start: h(14), end: h(15) }] }],
    });
    expect(base({}, {}, [other])).toEqual(["14:00:s1", "14:30:s1"]);
  });

  it("stops offering a specialist once the daily cap is reached", () => {
    const capped = specialist(zone, allWeek(h(9), h(10)), { bookingsPerDate: { [day]: 2 } });
    expect(base({}, { maxBookingsPerDayPerSpecialist: 2 }, [capped])).toEqual([]);
    expect(base({}, { maxBookingsPerDayPerSpecialist: 3 }, [capped])).toEqual(["09:00:s1", "09:30:s1"]);
  });

  it("lists which specialists are free at each slot", () => {
    const a = specialist(zone, allWeek(h(9), h(10)), { id: "a" });
    const b = specialist(zone, allWeek(h(9, 30), h(10, 30)), {
      id: "b",
      busy: [{ start: at("09:30"), end: at("10:00") }],
    });
    expect(base({}, {}, [a, b])).toEqual(["09:00:a", "09:30:a", "10:00:b"]);
  });

  it("narrows to a campaign's hours and window, or replaces weekly hours with them (days off still count)", () => {
    const campaign = {
      timeZone: zone,
      validFrom: at("00:00"),
      validTo: at("23:59"),
      weeklyHours: allWeek(h(10), h(11)),
    };
    expect(base({}, { campaign: { ...campaign, mode: "narrow" } })).toEqual(["10:00:s1", "10:30:s1"]);
    const evening = { ...campaign, weeklyHours: allWeek(h(18), h(19)) };
    expect(base({}, { campaign: { ...evening, mode: "narrow" } })).toEqual([]);
    expect(base({}, { campaign: { ...evening, mode: "replace" } })).toEqual(["18:00:s1", "18:30:s1"]);
    const off = specialist(zone, allWeek(h(9), h(12)), { overrides: [{ date: day, ranges: [] }] });
    expect(base({}, { campaign: { ...evening, mode: "replace" } }, [off])).toEqual([]);
    expect(base({}, { campaign: { ...campaign, mode: "narrow", validTo: at("10:30") } })).toEqual(["10:00:s1"]);
  });
});

describe("availability engine properties", () => {
  const zones = ["UTC", "America/New_York", "Europe/Berlin", "Australia/Lord_Howe", "Asia/Kolkata"];
  const range = fc
    .tuple(fc.integer({ min: 0, max: 47 }), fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 7 }))
    .map(([start, length, weekday]) => ({ weekday, start: start * 30, end: Math.min(1440, (start + length) * 30) }));
  const schedule = fc.record({
    zone: fc.constantFrom(...zones),
    ranges: fc.array(range, { minLength: 1, maxLength: 6 }),
    busy: fc.array(fc.tuple(fc.integer({ min: 0, max: 14 * 24 * 4 }), fc.integer({ min: 1, max: 12 })), {
      maxLength: 20,
    }),
  });
  const start = Date.parse("2026-03-01T00:00:00Z"); // two weeks spanning the March changes

  it("never offers busy time, off-grid or out-of-hours times, or the same start twice", () => {
    fc.assert(
      fc.property(schedule, fc.constantFrom(15, 30, 45, 60), fc.constantFrom(15, 30, 60), (s, duration, interval) => {
        const busy = s.busy.map(([q, n]) => ({ start: start + q * 15 * MINUTE, end: start + (q + n) * 15 * MINUTE }));
        const slots = computeTimeslots({
          from: start,
          to: start + 14 * 24 * HOUR,
          now: start - HOUR,
          rules: rules({ durationMinutes: duration, slotIntervalMinutes: interval, bufferAfterMinutes: 5 }),
          specialists: [specialist(s.zone, s.ranges, { busy })],
        });
        const starts = slots.map((x) => x.start);
        expect(new Set(starts).size).toBe(starts.length);
        expect([...starts].sort((a, b) => a - b)).toEqual(starts);
        for (const slot of slots) {
          expect(busy.some((b) => b.start < slot.end + 5 * MINUTE && slot.start < b.end)).toBe(false);
          const date = localDate(s.zone, slot.start);
          const minutes = Math.round(
            (slot.start + offsetMinutes(s.zone, slot.start) * MINUTE - Date.parse(`${date}T00:00:00Z`)) / MINUTE,
          );
          const weekday = ((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7) + 1;
          const inRange = s.ranges.some(
            (r) =>
              r.weekday === weekday && minutes >= r.start && minutes < r.end && (minutes - r.start) % interval === 0,
          );
          expect(inRange).toBe(true);
          // The local time it starts at exists (not in a spring-forward gap).
          expect(instantsOf(s.zone, date, minutes)[0]).toBe(slot.start);
        }
      }),
      { numRuns: 200 },
    );
  });
});
