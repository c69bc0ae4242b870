import { beforeAll, describe, expect, it } from "vitest";
import type { TestOrganization } from "../support/auth.js";
import { globalId, gql, gqlData } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { statementRecorder } from "../support/statements.js";
import { CreateScheduleOverride } from "./documents.js";
import {
  addDays,
  calendarWith,
  insertAppointment,
  nextWeekday,
  slotsOf,
  startsOf,
  Timeslots,
  weekly,
} from "./fixtures.js";

const MINUTE = 60_000;
const DAY = 86_400_000;

const recorder = statementRecorder();
const server = useTestServer({ container: recorder.options });
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Timeslots clinic");
});

/** `date` + `HH:MM` in UTC, as the API prints it for timeZone UTC. */
const utc = (date: string, time: string) => `${date}T${time}:00+00:00`;

/** Instants of the first Sunday on or after `day` of `month` (1-based) in the next year that is at least a week away. */
function nextSunday(month: number, fromDay: number): string {
  const now = Date.now();
  for (let year = new Date(now).getUTCFullYear(); ; year++) {
    for (let day = fromDay; day < fromDay + 7; day++) {
      const date = new Date(Date.UTC(year, month - 1, day));
      if (date.getUTCDay() === 0 && date.getTime() > now + 7 * DAY) return date.toISOString().slice(0, 10);
    }
  }
}

describe("timeslots through the API", () => {
  it("cuts weekly hours into slots of the service's duration, with offsets of the requested zone", async () => {
    const calendar = await calendarWith(server, org, { specialists: [{ weeklyHours: weekly("09:00", "11:00") }] });
    const monday = nextWeekday("MONDAY");
    const slots = await slotsOf(
      server.url,
      { calendarId: calendar.id, from: monday, to: addDays(monday, 1), timeZone: "UTC" },
      org.owner,
    );
    expect(slots).toEqual(
      ["09:00", "09:30", "10:00", "10:30"].map((time, i) => ({
        start: utc(monday, time),
        end: utc(monday, ["09:30", "10:00", "10:30", "11:00"][i] as string),
        availableSpecialists: 1,
        specialistIds: calendar.specialistIds,
      })),
    );
    // The same instants seen from Kolkata (+05:30); `from`/`to` dates are midnights there.
    const kolkata = await startsOf(
      server.url,
      { calendarId: calendar.id, from: monday, to: addDays(monday, 1), timeZone: "Asia/Kolkata" },
      org.owner,
    );
    expect(kolkata).toEqual([
      `${monday}T14:30:00+05:30`,
      `${monday}T15:00:00+05:30`,
      `${monday}T15:30:00+05:30`,
      `${monday}T16:00:00+05:30`,
    ]);
  });

  it("counts the free specialists of each slot and can keep one specialist", async () => {
    const calendar = await calendarWith(server, org, {
      specialists: [{ weeklyHours: weekly("09:00", "10:00") }, { weeklyHours: weekly("09:30", "10:30") }],
    });
    const [first, second] = calendar.specialistIds as [string, string];
    const monday = nextWeekday("MONDAY");
    const request = { calendarId: calendar.id, from: monday, to: addDays(monday, 1), timeZone: "UTC" };
    expect(await slotsOf(server.url, request, org.owner)).toEqual([
      { start: utc(monday, "09:00"), end: utc(monday, "09:30"), availableSpecialists: 1, specialistIds: [first] },
      {
        start: utc(monday, "09:30"),
        end: utc(monday, "10:00"),
        availableSpecialists: 2,
        specialistIds: [first, second],
      },
      { start: utc(monday, "10:00"), end: utc(monday, "10:30"), availableSpecialists: 1, specialistIds: [second] },
    ]);
    expect(await startsOf(server.url, { ...request, specialistId: second }, org.owner)).toEqual([
      utc(monday, "09:30"),
      utc(monday, "10:00"),
    ]);
  });

  it("follows date overrides: a day off, or other hours that day", async () => {
    const calendar = await calendarWith(server, org, { specialists: [{ weeklyHours: weekly("09:00", "10:00") }] });
    const specialistId = calendar.specialistIds[0] as string;
    const monday = nextWeekday("MONDAY");
    const tuesday = addDays(monday, 1);
    for (const input of [
      { specialistId, date: monday, ranges: [] },
      { specialistId, date: tuesday, ranges: [{ start: "14:00", end: "15:00" }], reason: "afternoon clinic" },
    ]) {
      const created = await gqlData(server.url, CreateScheduleOverride, { input }, org.owner);
      expect(created.createScheduleOverride.__typename).toBe("MutationCreateScheduleOverrideSuccess");
    }
    const starts = await startsOf(
      server.url,
      { calendarId: calendar.id, from: monday, to: addDays(monday, 3), timeZone: "UTC" },
      org.owner,
    );
    expect(starts).toEqual([
      utc(tuesday, "14:00"),
      utc(tuesday, "14:30"),
      utc(addDays(monday, 2), "09:00"),
      utc(addDays(monday, 2), "09:30"),
    ]);
  });

  it("leaves out booked appointments with their buffers and the calendar's buffers, not cancelled ones", async () => {
    const calendar = await calendarWith(server, org, {
      calendar: { bufferAfterMinutes: 15 },
      specialists: [{ weeklyHours: weekly("09:00", "12:00") }],
    });
    const specialistId = calendar.specialistIds[0] as string;
    const monday = nextWeekday("MONDAY");
    const tuesday = addDays(monday, 1);
    await insertAppointment(server, org, calendar, {
      specialistId,
      start: `${monday}T10:00:00Z`,
      bufferAfterMinutes: 15,
    });
    await insertAppointment(server, org, calendar, {
      specialistId,
      start: `${tuesday}T10:00:00Z`,
      status: "cancelled",
    });
    const starts = await startsOf(
      server.url,
      { calendarId: calendar.id, from: monday, to: addDays(monday, 2), timeZone: "UTC" },
      org.owner,
    );
    // Monday: 09:30 would run (with its 15 minutes after) into the 10:00 appointment; 10:30 into its buffer.
    expect(starts).toEqual([
      utc(monday, "09:00"),
      utc(monday, "11:00"),
      utc(monday, "11:30"),
      ...["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map((time) => utc(tuesday, time)),
    ]);
  });

  it("offers nothing sooner than the minimum notice", async () => {
    const calendar = await calendarWith(server, org, {
      calendar: { minimumNoticeMinutes: 120 },
      specialists: [{ weeklyHours: weekly("00:00", "24:00") }],
    });
    const before = Date.now();
    const slots = await slotsOf(
      server.url,
      {
        calendarId: calendar.id,
        from: new Date(before).toISOString(),
        to: new Date(before + DAY).toISOString(),
        timeZone: "UTC",
      },
      org.owner,
    );
    const after = Date.now();
    const first = Date.parse(slots[0]?.start ?? "");
    expect(first).toBeGreaterThanOrEqual(before + 120 * MINUTE);
    expect(first).toBeLessThan(after + 150 * MINUTE);
  });

  it("offers nothing beyond the booking horizon", async () => {
    const calendar = await calendarWith(server, org, {
      calendar: { bookingHorizonDays: 10 },
      specialists: [{ weeklyHours: weekly("00:00", "24:00") }],
    });
    const slots = await slotsOf(
      server.url,
      {
        calendarId: calendar.id,
        from: new Date(Date.now() + 5 * DAY).toISOString(),
        to: new Date(Date.now() + 15 * DAY).toISOString(),
        timeZone: "UTC",
      },
      org.owner,
    );
    const last = Date.parse(slots[slots.length - 1]?.start ?? "");
    expect(slots.length).toBeGreaterThan(200);
    expect(last).toBeLessThan(Date.now() + 10 * DAY);
    expect(last).toBeGreaterThan(Date.now() + 10 * DAY - 60 * MINUTE);
  });

  it("stops offering a specialist on a day once the calendar's daily cap is reached; other calendars do not count", async () => {
    const calendar = await calendarWith(server, org, {
      calendar: { maxBookingsPerDayPerSpecialist: 2 },
      specialists: [{ weeklyHours: weekly("09:00", "12:00") }],
    });
    const other = await calendarWith(server, org, { specialists: [] });
    const specialistId = calendar.specialistIds[0] as string;
    const monday = nextWeekday("MONDAY");
    const tuesday = addDays(monday, 1);
    await insertAppointment(server, org, calendar, { specialistId, start: `${monday}T09:00:00Z` });
    await insertAppointment(server, org, calendar, { specialistId, start: `${monday}T11:00:00Z` });
    await insertAppointment(server, org, other, { specialistId, start: `${tuesday}T09:00:00Z` });
    await insertAppointment(server, org, other, { specialistId, start: `${tuesday}T11:00:00Z` });
    const starts = await startsOf(
      server.url,
      { calendarId: calendar.id, from: monday, to: addDays(monday, 2), timeZone: "UTC" },
      org.owner,
    );
    expect(starts).toEqual(["09:30", "10:00", "10:30", "11:30"].map((time) => utc(tuesday, time)));
  });

  it("narrows the specialists' hours to a campaign's while its window runs", async () => {
    const monday = nextWeekday("MONDAY");
    const calendar = await calendarWith(server, org, {
      calendar: {
        kind: "campaign",
        timezone: "UTC",
        campaign: {
          validFrom: `${monday}T00:00:00Z`,
          validTo: `${addDays(monday, 1)}T00:00:00Z`,
          mode: "narrow",
          weeklyHours: weekly("10:00", "11:00"),
        },
      },
      specialists: [{ weeklyHours: weekly("09:00", "12:00") }],
    });
    const starts = await startsOf(
      server.url,
      { calendarId: calendar.id, from: addDays(monday, -1), to: addDays(monday, 2), timeZone: "UTC" },
      org.owner,
    );
    expect(starts).toEqual([utc(monday, "10:00"), utc(monday, "10:30")]);
  });
});

describe("timeslots across daylight-saving changes, through the API", () => {
  it("skips the hour New York's clocks jump over in March", async () => {
    const date = nextSunday(3, 8);
    const calendar = await calendarWith(server, org, {
      calendar: { bookingHorizonDays: 730 },
      specialists: [{ timezone: "America/New_York", weeklyHours: weekly("01:00", "04:00") }],
    });
    const request = { calendarId: calendar.id, from: date, to: addDays(date, 1), timeZone: "America/New_York" };
    expect(await startsOf(server.url, request, org.owner)).toEqual([
      `${date}T01:00:00-05:00`,
      `${date}T01:30:00-05:00`,
      `${date}T03:00:00-04:00`,
      `${date}T03:30:00-04:00`,
    ]);
    // A patient in Berlin (still on winter time) sees the same instants in their zone.
    expect(await startsOf(server.url, { ...request, timeZone: "Europe/Berlin" }, org.owner)).toEqual([
      `${date}T07:00:00+01:00`,
      `${date}T07:30:00+01:00`,
      `${date}T08:00:00+01:00`,
      `${date}T08:30:00+01:00`,
    ]);
  });

  it("offers New York's repeated November hour once, and a range crossing the change keeps every other slot", async () => {
    const date = nextSunday(11, 1);
    const calendar = await calendarWith(server, org, {
      calendar: { bookingHorizonDays: 730 },
      specialists: [{ timezone: "America/New_York", weeklyHours: weekly("00:00", "03:00") }],
    });
    const starts = await startsOf(
      server.url,
      { calendarId: calendar.id, from: addDays(date, -1), to: addDays(date, 1), timeZone: "America/New_York" },
      org.owner,
    );
    const saturday = addDays(date, -1);
    expect(starts).toEqual([
      ...["00:00", "00:30", "01:00", "01:30", "02:00", "02:30"].map((t) => `${saturday}T${t}:00-04:00`),
      `${date}T00:00:00-04:00`,
      `${date}T00:30:00-04:00`,
      `${date}T01:00:00-04:00`,
      `${date}T01:30:00-04:00`,
      `${date}T02:00:00-05:00`,
      `${date}T02:30:00-05:00`,
    ]);
  });
});

describe("timeslots: bad input answers a typed error, never a 500", () => {
  let calendarId: string;
  beforeAll(async () => {
    calendarId = (await calendarWith(server, org, { specialists: [{ weeklyHours: weekly("09:00", "10:00") }] })).id;
  });

  it.each([
    [{ timeZone: "Mars/Olympus_Mons" }, ["timeZone"]],
    [{ from: "2030-02-30" }, ["from"]],
    [{ from: "next tuesday", to: "soon" }, ["from", "to"]],
    [{ from: "2030-01-10", to: "2030-01-09" }, ["to"]],
    [{ from: "2030-01-10", to: "2030-01-10" }, ["to"]],
    [{ from: "2030-01-01", to: "2030-03-05" }, ["to"]],
    [{ from: "2030-01-01T10:00:00+25:00" }, ["from"]],
  ])("%j → ValidationError on %j", async (override, paths) => {
    const result = await gqlData(
      server.url,
      Timeslots,
      { calendarId, from: "2030-01-01", to: "2030-01-08", timeZone: "UTC", ...override },
      org.owner,
    );
    expect(result.timeslots).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const fields = result.timeslots.__typename === "ValidationError" ? result.timeslots.fields : [];
    expect(fields.map((f) => f.path[0])).toEqual(paths);
  });

  it("answers 422 with the fields on /v1, 400 when a parameter is missing, 404 for an unknown calendar", async () => {
    const base = `${server.url}/v1/calendars/${calendarId}/timeslots`;
    const invalid = await fetch(`${base}?from=2030-01-10&to=2030-01-01&timeZone=Nowhere`, { headers: org.owner });
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: expect.any(String),
        fields: [
          { path: ["timeZone"], message: expect.any(String) },
          { path: ["to"], message: "must be after from" },
        ],
      },
    });
    expect((await fetch(`${base}?from=2030-01-01&to=2030-01-02`, { headers: org.owner })).status).toBe(400);
    const unknown = `${server.url}/v1/calendars/${globalId("Calendar", "00000000-0000-4000-8000-000000000000")}/timeslots?from=2030-01-01&to=2030-01-02&timeZone=UTC`;
    expect((await fetch(unknown, { headers: org.owner })).status).toBe(404);
  });

  it("answers slots on /v1 like GraphQL", async () => {
    const monday = nextWeekday("MONDAY");
    const response = await fetch(
      `${server.url}/v1/calendars/${calendarId}/timeslots?from=${monday}&to=${addDays(monday, 1)}&timeZone=UTC`,
      { headers: org.owner },
    );
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(
      await slotsOf(server.url, { calendarId, from: monday, to: addDays(monday, 1), timeZone: "UTC" }, org.owner),
    );
  });

  it("an unknown calendar is a NotFoundError", async () => {
    const result = await gql(
      server.url,
      Timeslots,
      {
        calendarId: globalId("Calendar", "00000000-0000-4000-8000-000000000000"),
        from: "2030-01-01",
        to: "2030-01-02",
        timeZone: "UTC",
      },
      org.owner,
    );
    expect(result.data?.timeslots).toMatchObject({ __typename: "NotFoundError", entity: "Calendar" });
  });
});

describe("timeslots load without N+1", () => {
  it("reads a calendar of six specialists with as many statements as one of one", async () => {
    const monday = nextWeekday("MONDAY");
    const count = async (specialists: number) => {
      const calendar = await calendarWith(server, org, {
        specialists: Array.from({ length: specialists }, () => ({ weeklyHours: weekly("09:00", "17:00") })),
      });
      const range = { calendarId: calendar.id, from: monday, to: addDays(monday, 31), timeZone: "UTC" };
      return (await recorder.during(() => slotsOf(server.url, range, org.owner))).sql.length;
    };
    const one = await count(1);
    expect(await count(6)).toBe(one);
  });
});
