import { beforeAll, describe, expect, it } from "vitest";
import { scopedClient } from "../../src/db/tenant.js";
import { graphql } from "../generated/gql.js";
import { asApiKey, type Headers, type TestOrganization, unique } from "../support/auth.js";
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
const notFound = (entity: string) => ({ __typename: "NotFoundError", code: "NOT_FOUND", entity });

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

describe.each([
  ["A's owner", () => a.owner],
  ["A's API key", () => aKey],
])("%s against B", (_who, headers) => {
  it("reads nothing of B's: calendar, calendars, hours, overrides, hold, nodes, timeslots", async () => {
    const bIds = [bCalendar.id, bCalendar.specialistIds[0] as string, bOverrideId, bCalendar.serviceId];
    const reads = await gqlData(
      server.url,
      Reads,
      { calendarId: bCalendar.id, specialistId: bCalendar.specialistIds[0] as string, token: bHoldToken, ids: bIds },
      headers(),
    );
    expect(reads.calendar).toBeNull();
    expect(reads.calendars.edges.map((e) => e.node.id)).toEqual([aCalendar.id]);
    expect(reads.weeklyHours).toBeNull();
    expect(reads.scheduleOverrides).toBeNull();
    expect(reads.hold).toBeNull();
    expect(reads.nodes).toEqual([null, null, null, null]);
    const slots = await gqlData(
      server.url,
      Timeslots,
      { calendarId: bCalendar.id, from: monday, to: addDays(monday, 2), timeZone: "UTC" },
      headers(),
    );
    expect(slots.timeslots).toMatchObject(notFound("Calendar"));
    const foreignSpecialist = await gqlData(
      server.url,
      Timeslots,
      {
        calendarId: aCalendar.id,
        from: monday,
        to: addDays(monday, 2),
        timeZone: "UTC",
        specialistId: bCalendar.specialistIds[0],
      },
      headers(),
    );
    expect(foreignSpecialist.timeslots).toMatchObject(notFound("Specialist"));
    expect(
      (await gqlData(server.url, PublicCalendar, { slug: bPrivateSlugless }, headers())).publicCalendar,
    ).toBeNull();
    await expectBUnchanged();
  });

  it("changes nothing of B's with any mutation", async () => {
    const bSpecialist = bCalendar.specialistIds[0] as string;
    const aSpecialist = aCalendar.specialistIds[0] as string;
    const h = headers();
    const results = {
      createCalendar: (
        await gqlData(server.url, CreateCalendar, { input: { serviceId: bCalendar.serviceId, name: "X" } }, h)
      ).createCalendar,
      updateCalendar: (await gqlData(server.url, UpdateCalendar, { id: bCalendar.id, input: { name: "Taken" } }, h))
        .updateCalendar,
      updatePublished: (await gqlData(server.url, UpdateCalendar, { id: bPublished.id, input: { active: false } }, h))
        .updateCalendar,
      moveToBService: (
        await gqlData(server.url, UpdateCalendar, { id: aCalendar.id, input: { serviceId: bCalendar.serviceId } }, h)
      ).updateCalendar,
      deleteCalendar: (await gqlData(server.url, DeleteCalendar, { id: bCalendar.id }, h)).deleteCalendar,
      attachToB: (
        await gqlData(
          server.url,
          AttachCalendarSpecialist,
          { input: { calendarId: bCalendar.id, specialistId: aSpecialist } },
          h,
        )
      ).attachCalendarSpecialist,
      attachB: (
        await gqlData(
          server.url,
          AttachCalendarSpecialist,
          { input: { calendarId: aCalendar.id, specialistId: bSpecialist } },
          h,
        )
      ).attachCalendarSpecialist,
      detach: (
        await gqlData(server.url, DetachCalendarSpecialist, { calendarId: bCalendar.id, specialistId: bSpecialist }, h)
      ).detachCalendarSpecialist,
      setWeeklyHours: (
        await gqlData(server.url, SetWeeklyHours, { input: { specialistId: bSpecialist, ranges: [] } }, h)
      ).setWeeklyHours,
      createOverride: (
        await gqlData(
          server.url,
          CreateScheduleOverride,
          { input: { specialistId: bSpecialist, date: addDays(monday, 3), ranges: [] } },
          h,
        )
      ).createScheduleOverride,
      updateOverride: (
        await gqlData(server.url, UpdateScheduleOverride, { id: bOverrideId, input: { reason: "x" } }, h)
      ).updateScheduleOverride,
      deleteOverride: (await gqlData(server.url, DeleteScheduleOverride, { id: bOverrideId }, h))
        .deleteScheduleOverride,
      holdB: (
        await gqlData(server.url, CreateHold, { input: { calendarId: bCalendar.id, start: `${monday}T09:00:00Z` } }, h)
      ).createHold,
      holdBSpecialist: (
        await gqlData(
          server.url,
          CreateHold,
          { input: { calendarId: aCalendar.id, start: `${monday}T09:00:00Z`, specialistId: bSpecialist } },
          h,
        )
      ).createHold,
      extendHold: (await gqlData(server.url, ExtendHold, { token: bHoldToken }, h)).extendHold,
      releaseHold: (await gqlData(server.url, ReleaseHold, { token: bHoldToken }, h)).releaseHold,
    };
    expect(results).toMatchObject({
      createCalendar: notFound("Service"),
      updateCalendar: notFound("Calendar"),
      updatePublished: notFound("Calendar"),
      moveToBService: notFound("Service"),
      deleteCalendar: notFound("Calendar"),
      attachToB: notFound("Calendar"),
      attachB: notFound("Specialist"),
      detach: notFound("CalendarSpecialist"),
      setWeeklyHours: notFound("Specialist"),
      createOverride: notFound("Specialist"),
      updateOverride: notFound("ScheduleOverride"),
      deleteOverride: notFound("ScheduleOverride"),
      holdB: notFound("Calendar"),
      holdBSpecialist: notFound("Specialist"),
      extendHold: notFound("Hold"),
      releaseHold: notFound("Hold"),
    });
    await expectBUnchanged();
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

describe("/v1 as A's owner with B's ids: 404, and B is unchanged", () => {
  const routes: [method: string, path: string, body?: Record<string, unknown>][] = [
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
  ];
  const fill = (text: string) =>
    text.replace(/:(calendar|specialist|override|token)\b/g, (_, name: string) =>
      name === "calendar"
        ? bCalendar.id
        : name === "specialist"
          ? (bCalendar.specialistIds[0] as string)
          : name === "override"
            ? bOverrideId
            : bHoldToken,
    );

  it.each(routes)("%s %s", async (method, path, body) => {
    const response = await fetch(`${server.url}${fill(path)}`, {
      method,
      headers: { ...a.owner, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? fill(JSON.stringify(body)) : undefined,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    await expectBUnchanged();
  });

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
    expect(hidden.data?.createHold).toMatchObject(notFound("Calendar"));
    const audit = await server.services.adminDb.auditLog.findFirst({
      where: { action: "hold.create", entityId: uuidOf(bPublished.id) },
    });
    expect(audit).toMatchObject({ organizationId: uuidOf(b.id), actorUserId: null, ip: "10.30.0.1" });
  });
});
