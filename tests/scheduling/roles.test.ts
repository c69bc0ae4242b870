import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { asApiKey, type Headers, type TestOrganization } from "../support/auth.js";
import { gql, uuidOf } from "../support/graphql.js";
import type { TestMember } from "../support/members.js";
import { useTestServer } from "../support/server.js";
import {
  AttachCalendarSpecialist,
  CreateCalendar,
  CreateScheduleOverride,
  DeleteCalendar,
  DeleteScheduleOverride,
  DetachCalendarSpecialist,
  SetWeeklyHours,
  UpdateCalendar,
} from "./documents.js";
import {
  addDays,
  anonymousAt,
  CreateHold,
  calendarWith,
  createService,
  createSpecialist,
  nextWeekday,
  type TestCalendar,
  Timeslots,
  weekly,
} from "./fixtures.js";

const ReadCalendars = graphql(`
  query RolesReadCalendars($id: ID!, $specialistId: ID!) {
    calendar(id: $id) { id }
    calendars(first: 10) { edges { node { id } } }
    weeklyHours(specialistId: $specialistId) { weekday }
    scheduleOverrides(specialistId: $specialistId, first: 10) { edges { node { id } } }
  }
`);
type Caller = "owner" | "admin" | "staff" | "specialist" | "patient" | "staffKey" | "specialistKey" | "anonymous";

const server = useTestServer();
let org: TestOrganization;
let headers: Record<Caller, Headers>;
let specialistMember: TestMember;
/** The specialist profile of the specialist member, and one of somebody else. */
let ownProfile: string;
let otherProfile: string;
let calendar: TestCalendar;

beforeAll(async () => {
  org = await server.createOrganization("Roles clinic");
  const [admin, staff, patient] = [
    await server.addMember(org, "admin"),
    await server.addMember(org, "staff"),
    await server.addMember(org, "patient"),
  ];
  specialistMember = await server.addMember(org, "specialist");
  headers = {
    owner: org.owner,
    admin: admin.headers,
    staff: staff.headers,
    specialist: specialistMember.headers,
    patient: patient.headers,
    staffKey: asApiKey((await server.createApiKey(org, "staff")).key),
    specialistKey: asApiKey((await server.createApiKey(org, "specialist")).key),
    anonymous: anonymousAt("10.40.0.1"),
  };
  ownProfile = await createSpecialist(server, org, { userId: uuidOf(specialistMember.userId) });
  otherProfile = await createSpecialist(server, org);
  calendar = await calendarWith(server, org, { specialists: [{ weeklyHours: weekly("09:00", "12:00") }] });
});

/** What a call answered: the typed result's name, or the GraphQL error code. */
const outcome = (result: {
  data?: Record<string, unknown> | null;
  errors?: { extensions?: Record<string, unknown> }[];
}) =>
  result.errors?.length
    ? String(result.errors[0]?.extensions?.code)
    : String((Object.values(result.data ?? {})[0] as { __typename?: string } | null)?.__typename);

const managers: Caller[] = ["owner", "admin", "staff", "staffKey"];
const others: [Caller, string][] = [
  ["specialist", "FORBIDDEN"],
  ["specialistKey", "FORBIDDEN"],
  ["patient", "FORBIDDEN"],
  ["anonymous", "UNAUTHENTICATED"],
];

describe("calendar management: owners, admins and staff (users or keys)", () => {
  it.each(managers)("%s creates, changes, staffs and deletes calendars", async (caller) => {
    const serviceId = await createService(server, org);
    const created = await gql(server.url, CreateCalendar, { input: { serviceId, name: caller } }, headers[caller]);
    expect(outcome(created)).toBe("MutationCreateCalendarSuccess");
    const own = await calendarWith(server, org, { specialists: [] });
    expect(outcome(await gql(server.url, UpdateCalendar, { id: own.id, input: { name: "x" } }, headers[caller]))).toBe(
      "MutationUpdateCalendarSuccess",
    );
    const link = { calendarId: own.id, specialistId: otherProfile };
    expect(outcome(await gql(server.url, AttachCalendarSpecialist, { input: link }, headers[caller]))).toBe(
      "MutationAttachCalendarSpecialistSuccess",
    );
    expect(outcome(await gql(server.url, DetachCalendarSpecialist, link, headers[caller]))).toBe(
      "MutationDetachCalendarSpecialistSuccess",
    );
    expect(outcome(await gql(server.url, DeleteCalendar, { id: own.id }, headers[caller]))).toBe(
      "MutationDeleteCalendarSuccess",
    );
  });

  it.each(others)("%s may not: %s, and nothing changes", async (caller, code) => {
    const serviceId = await createService(server, org);
    const before = await server.services.adminDb.calendar.findUniqueOrThrow({ where: { id: uuidOf(calendar.id) } });
    const link = { calendarId: calendar.id, specialistId: otherProfile };
    for (const result of [
      await gql(server.url, CreateCalendar, { input: { serviceId, name: "x" } }, headers[caller]),
      await gql(server.url, UpdateCalendar, { id: calendar.id, input: { name: "x" } }, headers[caller]),
      await gql(server.url, AttachCalendarSpecialist, { input: link }, headers[caller]),
      await gql(
        server.url,
        DetachCalendarSpecialist,
        { calendarId: calendar.id, specialistId: calendar.specialistIds[0] as string },
        headers[caller],
      ),
      await gql(server.url, DeleteCalendar, { id: calendar.id }, headers[caller]),
    ]) {
      expect(outcome(result)).toBe(code);
    }
    expect(await server.services.adminDb.calendar.findUniqueOrThrow({ where: { id: uuidOf(calendar.id) } })).toEqual(
      before,
    );
    expect(await server.services.adminDb.calendar.count({ where: { serviceId: uuidOf(serviceId) } })).toBe(0);
  });
});

describe("reading calendars and hours: everyone who works with records", () => {
  it.each([...managers, "specialist", "specialistKey"] as Caller[])("%s reads them", async (caller) => {
    const result = await gql(server.url, ReadCalendars, { id: calendar.id, specialistId: ownProfile }, headers[caller]);
    expect(result.errors).toBeUndefined();
    expect(result.data?.calendar?.id).toBe(calendar.id);
  });

  it.each([
    ["patient", "FORBIDDEN"],
    ["anonymous", "UNAUTHENTICATED"],
  ] as const)("%s may not: %s", async (caller, code) => {
    const result = await gql(server.url, ReadCalendars, { id: calendar.id, specialistId: ownProfile }, headers[caller]);
    expect(result.data ?? null).toBeNull();
    expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set([code]));
  });
});

describe("weekly hours and overrides: managers for anyone, a specialist for themselves", () => {
  const set = (caller: Caller, specialistId: string) =>
    gql(
      server.url,
      SetWeeklyHours,
      { input: { specialistId, ranges: weekly("08:00", "09:00", ["MONDAY"]) } },
      headers[caller],
    );
  const override = (caller: Caller, specialistId: string, date: string) =>
    gql(server.url, CreateScheduleOverride, { input: { specialistId, date, ranges: [] } }, headers[caller]);

  it.each(managers)("%s sets anyone's", async (caller) => {
    expect(outcome(await set(caller, otherProfile))).toBe("MutationSetWeeklyHoursSuccess");
    const created = await override(caller, otherProfile, `2031-01-0${managers.indexOf(caller) + 1}`);
    expect(outcome(created)).toBe("MutationCreateScheduleOverrideSuccess");
  });

  it("a specialist sets their own, and deletes their own override", async () => {
    expect(outcome(await set("specialist", ownProfile))).toBe("MutationSetWeeklyHoursSuccess");
    const created = await override("specialist", ownProfile, "2031-02-01");
    expect(outcome(created)).toBe("MutationCreateScheduleOverrideSuccess");
    const id =
      created.data?.createScheduleOverride.__typename === "MutationCreateScheduleOverrideSuccess"
        ? created.data.createScheduleOverride.data.id
        : "";
    expect(outcome(await gql(server.url, DeleteScheduleOverride, { id }, headers.specialist))).toBe(
      "MutationDeleteScheduleOverrideSuccess",
    );
  });

  it("a specialist (user or key) may not change another's: ForbiddenError, nothing written", async () => {
    const before = await server.services.adminDb.specialistWeeklyHours.findMany({
      where: { specialistId: uuidOf(otherProfile) },
    });
    for (const caller of ["specialist", "specialistKey"] as const) {
      expect(outcome(await set(caller, otherProfile))).toBe("ForbiddenError");
      expect(outcome(await override(caller, otherProfile, "2031-03-01"))).toBe("ForbiddenError");
    }
    // A key belongs to no specialist: not even the profile of the member who made it.
    expect(outcome(await set("specialistKey", ownProfile))).toBe("ForbiddenError");
    expect(
      await server.services.adminDb.specialistWeeklyHours.findMany({ where: { specialistId: uuidOf(otherProfile) } }),
    ).toEqual(before);
    expect(
      await server.services.adminDb.specialistScheduleOverride.count({ where: { date: new Date("2031-03-01") } }),
    ).toBe(0);
  });

  it.each([
    ["patient", "FORBIDDEN"],
    ["anonymous", "UNAUTHENTICATED"],
  ] as const)("%s may not: %s", async (caller, code) => {
    expect(outcome(await set(caller, otherProfile))).toBe(code);
    expect(outcome(await override(caller, otherProfile, "2031-04-01"))).toBe(code);
  });
});

describe("timeslots and holds of an unpublished calendar", () => {
  const monday = nextWeekday("MONDAY");
  const request = () => ({ calendarId: calendar.id, from: monday, to: addDays(monday, 1), timeZone: "UTC" });

  it("are for the organization's members, patients included, while it is active; not for anyone else", async () => {
    for (const caller of ["owner", "specialist", "specialistKey", "patient"] as const) {
      expect(outcome(await gql(server.url, Timeslots, request(), headers[caller]))).toBe("QueryTimeslotsSuccess");
    }
    expect(outcome(await gql(server.url, Timeslots, request(), headers.anonymous))).toBe("NotFoundError");
    const hold = await gql(
      server.url,
      CreateHold,
      { input: { calendarId: calendar.id, start: `${monday}T09:00:00Z` } },
      headers.patient,
    );
    expect(outcome(hold)).toBe("MutationCreateHoldSuccess");
  });

  it("an inactive calendar's slots are for staff only", async () => {
    const inactive = await calendarWith(server, org, {
      calendar: { active: false },
      specialists: [{ weeklyHours: weekly("09:00", "12:00") }],
    });
    const inactiveRequest = { ...request(), calendarId: inactive.id };
    expect(outcome(await gql(server.url, Timeslots, inactiveRequest, headers.staff))).toBe("QueryTimeslotsSuccess");
    expect(outcome(await gql(server.url, Timeslots, inactiveRequest, headers.patient))).toBe("NotFoundError");
    const hold = await gql(
      server.url,
      CreateHold,
      { input: { calendarId: inactive.id, start: `${monday}T10:00:00Z` } },
      headers.patient,
    );
    expect(outcome(hold)).toBe("NotFoundError");
  });
});
