import { beforeAll, describe, expect, it } from "vitest";
import { scopedClient } from "../../src/db/tenant.js";
import { graphql } from "../generated/gql.js";
import { asApiKey, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { answers, describeCrossTenant, empty, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import {
  AttachCalendarSpecialist,
  CreateCalendar,
  CreateScheduleOverride,
  DeleteCalendar,
  DeleteScheduleOverride,
  DetachCalendarSpecialist,
  ExtendHold,
  ReleaseHold,
  SetWeeklyHours,
  UpdateCalendar,
  UpdateScheduleOverride,
} from "./documents.js";
import {
  addDays,
  anonymousAt,
  CreateHold,
  calendarWith,
  holdSlot,
  nextWeekday,
  slotsOf,
  type TestCalendar,
  Timeslots,
  weekly,
} from "./fixtures.js";

const Reads = graphql(`
  query CrossTenantSchedulingReads($calendarId: ID!, $specialistId: ID!, $token: String!, $ids: [ID!]!) {
    calendar(id: $calendarId) { id }
    calendars(first: 100) { edges { node { id } } }
    weeklyHours(specialistId: $specialistId) { weekday }
    scheduleOverrides(specialistId: $specialistId, first: 10) { edges { node { id } } }
    hold(token: $token) { token }
    nodes(ids: $ids) { id }
  }
`);

const PublicCalendar = graphql(`
  query CrossTenantPublicCalendar($slug: String!) { publicCalendar(slug: $slug) { id } }
`);

const TimeslotsChanged = graphql(`
  subscription CrossTenantTimeslotsChanged($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!) {
    timeslotsChanged(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone) { reason }
  }
`);

const server = useTestServer();
let a: TestOrganization;
let b: TestOrganization;
let aKey: Headers;
let aCalendar: TestCalendar;
/** B's private calendar, its service, specialist, an override, a hold of B's patient, and a published calendar. */
let bCalendar: TestCalendar;
let bPublished: TestCalendar;
let bPublishedSlug: string;
let bOverrideId: string;
let bHoldToken: string;
let bPrivateSlugless: string;

const monday = nextWeekday("MONDAY");

/** Everything of B's that the calls below could change, read with the owner connection. */
async function snapshotB() {
  const organizationId = uuidOf(b.id);
  const adminDb = server.services.adminDb;
  return {
    calendars: await adminDb.calendar.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    links: await adminDb.calendarSpecialist.findMany({ where: { organizationId }, orderBy: { specialistId: "asc" } }),
    hours: await adminDb.specialistWeeklyHours.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    overrides: await adminDb.specialistScheduleOverride.findMany({ where: { organizationId } }),
    hold: await server.services.holds.get(bHoldToken),
  };
}
let bBefore: Awaited<ReturnType<typeof snapshotB>>;
const expectBUnchanged = async () => expect(await snapshotB()).toEqual(bBefore);

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
  aKey = asApiKey((await server.createApiKey(a, "admin")).key);
  aCalendar = await calendarWith(server, a, { specialists: [{ weeklyHours: weekly("09:00", "12:00") }] });
  bCalendar = await calendarWith(server, b, { specialists: [{ weeklyHours: weekly("09:00", "12:00") }] });
  bPublishedSlug = unique("b-public");
  bPublished = await calendarWith(server, b, {
    calendar: { slug: bPublishedSlug },
    specialists: [{ weeklyHours: weekly("09:00", "12:00") }],
  });
  bPrivateSlugless = unique("never");
  const override = await gqlData(
    server.url,
    CreateScheduleOverride,
    { input: { specialistId: bCalendar.specialistIds[0] as string, date: monday, ranges: [] } },
    b.owner,
  );
  if (override.createScheduleOverride.__typename !== "MutationCreateScheduleOverrideSuccess") {
    throw new Error("B's override was not created");
  }
  bOverrideId = override.createScheduleOverride.data.id;
  const patient = await server.addMember(b, "patient");
  bHoldToken = (
    await holdSlot(server.url, { calendarId: bCalendar.id, start: `${addDays(monday, 1)}T10:00:00Z` }, patient.headers)
  ).token;
  bBefore = await snapshotB();
});

const bSpecialist = () => bCalendar.specialistIds[0] as string;
const aSpecialist = () => aCalendar.specialistIds[0] as string;
const utcDays = (from: string, days: number) => ({ from, to: addDays(from, days), timeZone: "UTC" });

/** Every read and write that names B's calendars, specialists, service, override or hold. */
const withBsIds = [
  operation(
    Reads,
    () => ({
      calendarId: bCalendar.id,
      specialistId: bSpecialist(),
      token: bHoldToken,
      ids: [bCalendar.id, bSpecialist(), bOverrideId, bCalendar.serviceId],
    }),
    answers(() => ({
      calendar: null,
      calendars: { edges: [{ node: { id: aCalendar.id } }] },
      weeklyHours: null,
      scheduleOverrides: null,
      hold: null,
      nodes: [null, null, null, null],
    })),
    "calendar, calendars, hours, overrides, hold and nodes show nothing of B's",
  ),
  operation(Timeslots, () => ({ calendarId: bCalendar.id, ...utcDays(monday, 2) }), notFound("Calendar"), "of B's"),
  operation(
    Timeslots,
    () => ({ calendarId: aCalendar.id, ...utcDays(monday, 2), specialistId: bSpecialist() }),
    notFound("Specialist"),
    "of A's calendar for B's specialist",
  ),
  operation(PublicCalendar, () => ({ slug: bPrivateSlugless }), empty, "of a slug B never published"),
  operation(CreateCalendar, () => ({ input: { serviceId: bCalendar.serviceId, name: "X" } }), notFound("Service")),
  operation(UpdateCalendar, () => ({ id: bCalendar.id, input: { name: "Taken" } }), notFound("Calendar")),
  operation(
    UpdateCalendar,
    () => ({ id: bPublished.id, input: { active: false } }),
    notFound("Calendar"),
    "B's published calendar",
  ),
  operation(
    UpdateCalendar,
    () => ({ id: aCalendar.id, input: { serviceId: bCalendar.serviceId } }),
    notFound("Service"),
    "moving A's calendar to B's service",
  ),
  operation(DeleteCalendar, () => ({ id: bCalendar.id }), notFound("Calendar")),
  operation(
    AttachCalendarSpecialist,
    () => ({ input: { calendarId: bCalendar.id, specialistId: aSpecialist() } }),
    notFound("Calendar"),
    "A's specialist to B's calendar",
  ),
  operation(
    AttachCalendarSpecialist,
    () => ({ input: { calendarId: aCalendar.id, specialistId: bSpecialist() } }),
    notFound("Specialist"),
    "B's specialist to A's calendar",
  ),
  operation(
    DetachCalendarSpecialist,
    () => ({ calendarId: bCalendar.id, specialistId: bSpecialist() }),
    notFound("CalendarSpecialist"),
  ),
  operation(SetWeeklyHours, () => ({ input: { specialistId: bSpecialist(), ranges: [] } }), notFound("Specialist")),
  operation(
    CreateScheduleOverride,
    () => ({ input: { specialistId: bSpecialist(), date: addDays(monday, 3), ranges: [] } }),
    notFound("Specialist"),
  ),
  operation(UpdateScheduleOverride, () => ({ id: bOverrideId, input: { reason: "x" } }), notFound("ScheduleOverride")),
  operation(DeleteScheduleOverride, () => ({ id: bOverrideId }), notFound("ScheduleOverride")),
  operation(
    CreateHold,
    () => ({ input: { calendarId: bCalendar.id, start: `${monday}T09:00:00Z` } }),
    notFound("Calendar"),
    "on B's calendar",
  ),
  operation(
    CreateHold,
    () => ({ input: { calendarId: aCalendar.id, start: `${monday}T09:00:00Z`, specialistId: bSpecialist() } }),
    notFound("Specialist"),
    "of B's specialist on A's calendar",
  ),
  operation(ExtendHold, () => ({ token: bHoldToken }), notFound("Hold")),
  operation(ReleaseHold, () => ({ token: bHoldToken }), notFound("Hold")),
];

describe.each([
  ["A's owner", () => a.owner],
  ["A's API key", () => aKey],
])("%s against B", (_who, headers) => {
  describeCrossTenant("reads nothing of B's and changes nothing of B's", {
    server,
    as: headers,
    unchanged: expectBUnchanged,
    operations: withBsIds,
  });

  it("cannot watch B's private calendar", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { ...headers(), "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({
        query: TimeslotsChanged.toString(),
        variables: { calendarId: bCalendar.id, from: monday, to: addDays(monday, 1), timeZone: "UTC" },
      }),
    });
    expect(await response.text()).toContain('"code":"NOT_FOUND"');
  });
});

describe("B's published calendar", () => {
  it("shows its slots to A's caller (and anyone), who still cannot change it", async () => {
    const request = { calendarId: bPublished.id, from: monday, to: addDays(monday, 1), timeZone: "UTC" };
    const asA = await slotsOf(server.url, request, a.owner);
    expect(asA).toEqual(await slotsOf(server.url, request, b.owner));
    expect(asA).toHaveLength(6);
    expect(await slotsOf(server.url, request, {})).toEqual(asA);
    expect((await gqlData(server.url, PublicCalendar, { slug: bPublishedSlug }, a.owner)).publicCalendar?.id).toBe(
      bPublished.id,
    );
    await expectBUnchanged();
  });
});

describeCrossTenant("/v1 as A's owner with B's ids: 404, and B is unchanged", {
  server,
  as: () => a.owner,
  unchanged: expectBUnchanged,
  ids: () => ({ calendar: bCalendar.id, specialist: bSpecialist(), override: bOverrideId, token: bHoldToken }),
  routes: [
    ["GET", "/v1/calendars/:calendar"],
    ["PATCH", "/v1/calendars/:calendar", { name: "Taken" }],
    ["DELETE", "/v1/calendars/:calendar"],
    ["GET", "/v1/calendars/:calendar/specialists"],
    ["PUT", "/v1/calendars/:calendar/specialists/:specialist", { weight: 5 }],
    ["DELETE", "/v1/calendars/:calendar/specialists/:specialist"],
    ["GET", "/v1/calendars/:calendar/timeslots?from=2030-01-07&to=2030-01-08&timeZone=UTC"],
    ["GET", "/v1/specialists/:specialist/weekly-hours"],
    ["PUT", "/v1/specialists/:specialist/weekly-hours", { ranges: [] }],
    ["POST", "/v1/specialists/:specialist/schedule-overrides", { date: "2030-01-08", ranges: [] }],
    ["PATCH", "/v1/specialists/:specialist/schedule-overrides/:override", { reason: "x" }],
    ["DELETE", "/v1/specialists/:specialist/schedule-overrides/:override"],
    ["POST", "/v1/holds", { calendarId: ":calendar", start: "2030-01-07T09:00:00Z" }],
    ["GET", "/v1/holds/:token"],
    ["POST", "/v1/holds/:token/extend"],
    ["DELETE", "/v1/holds/:token"],
  ],
});

describe("/v1 as A's owner, around B", () => {
  it("GET /v1/calendars lists A's only", async () => {
    const response = await fetch(`${server.url}/v1/calendars`, { headers: a.owner });
    expect(((await response.json()) as { data: { id: string }[] }).data.map((c) => c.id)).toEqual([aCalendar.id]);
  });
});

describe("the booking-widget database role", () => {
  it("reads availability's columns of its scoped organization only, and no patient data", async () => {
    const widget = scopedClient(server.services.appDb, {
      organizationId: uuidOf(a.id),
      userId: null,
      role: null,
      databaseRole: "clinicgraph_widget",
    });
    const calendars = await widget.$queryRaw<{ id: string }[]>`SELECT id FROM calendars`;
    expect(calendars.map((c) => c.id)).toEqual([uuidOf(aCalendar.id)]);
    const [who] = await widget.$queryRaw<{ current_user: string }[]>`SELECT current_user`;
    expect(who?.current_user).toBe("clinicgraph_widget");
    await expect(widget.$queryRaw`SELECT id FROM patients`).rejects.toThrow(/permission denied/);
    await expect(widget.$queryRaw`SELECT email FROM specialists`).rejects.toThrow(/permission denied/);
    await expect(widget.$queryRaw`SELECT patient_id FROM appointments`).rejects.toThrow(/permission denied/);
    await expect(widget.$executeRaw`DELETE FROM calendars`).rejects.toThrow(/permission denied/);
    // The API role is back to itself on the next transaction of the same pool.
    const [api] = await server.services.appDb.$queryRaw<{ current_user: string }[]>`SELECT current_user`;
    expect(api?.current_user).toBe("clinicgraph_app");
  });

  it("an anonymous widget holds a published calendar's slot; B's private calendar stays not found", async () => {
    const published = await holdSlot(
      server.url,
      { calendarId: bPublished.id, start: `${monday}T11:00:00Z` },
      anonymousAt("10.30.0.1"),
    );
    expect(published.calendarId).toBe(bPublished.id);
    const hidden = await gql(
      server.url,
      CreateHold,
      { input: { calendarId: bCalendar.id, start: `${monday}T11:00:00Z` } },
      anonymousAt("10.30.0.1"),
    );
    notFound("Calendar")(hidden);
    const audit = await server.services.adminDb.auditLog.findFirst({
      where: { action: "hold.create", entityId: uuidOf(bPublished.id) },
    });
    expect(audit).toMatchObject({ organizationId: uuidOf(b.id), actorUserId: null, ip: "10.30.0.1" });
  });
});
