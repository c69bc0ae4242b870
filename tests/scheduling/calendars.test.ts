import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { CreateScheduleOverrideInput } from "../generated/graphql.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
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
  UpdateScheduleOverride,
} from "./documents.js";
import {
  calendarWith,
  createService,
  createSpecialist,
  insertAppointment,
  setWeeklyHours,
  weekly,
} from "./fixtures.js";

const CalendarById = graphql(`
  query CalendarsCalendar($id: ID!) {
    calendar(id: $id) { id name specialists(first: 10) { edges { node { weight specialist { id } } } } }
  }
`);

const CalendarList = graphql(`
  query CalendarsList($serviceId: ID, $kind: CalendarKind, $active: Boolean) {
    calendars(first: 50, serviceId: $serviceId, kind: $kind, active: $active) { edges { node { id } } }
  }
`);

const WeeklyHours = graphql(`
  query CalendarsWeeklyHours($specialistId: ID!) { weeklyHours(specialistId: $specialistId) { weekday start end } }
`);

const Overrides = graphql(`
  query CalendarsOverrides($specialistId: ID!, $from: String, $to: String) {
    scheduleOverrides(specialistId: $specialistId, first: 50, from: $from, to: $to) { edges { node { date available } } }
  }
`);

const PublicCalendar = graphql(`
  query CalendarsPublic($slug: String!) {
    publicCalendar(slug: $slug) { id name slug timezone serviceName durationMinutes specialists { id firstName } }
  }
`);

const server = useTestServer();
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Calendars clinic");
});

const create = (input: Record<string, unknown>) =>
  gqlData(server.url, CreateCalendar, { input: input as never }, org.owner).then((r) => r.createCalendar);

describe("calendars", () => {
  it("creates a calendar with defaults from its service and organization, and lists it", async () => {
    const serviceId = await createService(server, org, 45);
    const created = await create({ serviceId, name: "  Physio  " });
    expect(created).toMatchObject({
      __typename: "MutationCreateCalendarSuccess",
      data: {
        name: "Physio",
        kind: "default",
        slug: null,
        active: true,
        timezone: "UTC",
        slotIntervalMinutes: 45,
        bufferBeforeMinutes: 0,
        bufferAfterMinutes: 0,
        minimumNoticeMinutes: 0,
        bookingHorizonDays: 60,
        maxBookingsPerDayPerSpecialist: null,
        service: { id: serviceId, durationMinutes: 45 },
        campaign: null,
      },
    });
    const id = created.__typename === "MutationCreateCalendarSuccess" ? created.data.id : "";
    const byService = await gqlData(server.url, CalendarList, { serviceId }, org.owner);
    expect(byService.calendars.edges.map((e) => e.node.id)).toEqual([id]);
    const campaigns = await gqlData(server.url, CalendarList, { kind: "campaign" }, org.owner);
    expect(campaigns.calendars.edges.map((e) => e.node.id)).not.toContain(id);
    const audit = await server.services.adminDb.auditLog.count({
      where: { action: "calendar.create", entityId: uuidOf(id) },
    });
    expect(audit).toBe(1);
  });

  it("creates a campaign calendar with its window, mode and hours", async () => {
    const serviceId = await createService(server, org);
    const created = await create({
      serviceId,
      name: "Spring campaign",
      kind: "campaign",
      slug: unique("spring"),
      timezone: "Europe/Berlin",
      bufferAfterMinutes: 10,
      maxBookingsPerDayPerSpecialist: 4,
      campaign: {
        validFrom: "2030-03-01T00:00:00Z",
        validTo: "2030-04-01T00:00:00Z",
        mode: "replace",
        weeklyHours: [
          { weekday: "SATURDAY", start: "10:00", end: "14:00" },
          { weekday: "SUNDAY", start: "10:00", end: "12:00" },
        ],
      },
    });
    expect(created).toMatchObject({
      __typename: "MutationCreateCalendarSuccess",
      data: {
        kind: "campaign",
        timezone: "Europe/Berlin",
        bufferAfterMinutes: 10,
        maxBookingsPerDayPerSpecialist: 4,
        campaign: {
          validFrom: "2030-03-01T00:00:00.000Z",
          validTo: "2030-04-01T00:00:00.000Z",
          mode: "replace",
          weeklyHours: [
            { weekday: "SATURDAY", start: "10:00", end: "14:00" },
            { weekday: "SUNDAY", start: "10:00", end: "12:00" },
          ],
        },
      },
    });
  });

  it("reports every invalid setting at once, by path", async () => {
    const serviceId = await createService(server, org);
    const result = await create({
      serviceId,
      name: " ",
      slotIntervalMinutes: 0,
      bufferBeforeMinutes: -5,
      bookingHorizonDays: 1000,
      maxBookingsPerDayPerSpecialist: 0,
      timezone: "Mars/Base",
      slug: "Not A Slug",
    });
    expect(result.__typename).toBe("ValidationError");
    const paths = result.__typename === "ValidationError" ? result.fields.map((f) => f.path.join(".")) : [];
    expect(paths.sort()).toEqual(
      [
        "input.name",
        "input.slotIntervalMinutes",
        "input.bufferBeforeMinutes",
        "input.bookingHorizonDays",
        "input.maxBookingsPerDayPerSpecialist",
        "input.timezone",
        "input.slug",
      ].sort(),
    );
  });

  it.each([
    [{ kind: "campaign" }, "input.campaign"],
    [
      {
        campaign: {
          validFrom: "2030-03-01T00:00:00Z",
          validTo: "2030-04-01T00:00:00Z",
          mode: "narrow",
          weeklyHours: [],
        },
      },
      "input.campaign",
    ],
    [
      {
        kind: "campaign",
        campaign: {
          validFrom: "2030-04-01T00:00:00Z",
          validTo: "2030-03-01T00:00:00Z",
          mode: "narrow",
          weeklyHours: [],
        },
      },
      "input.campaign.validTo",
    ],
    [
      {
        kind: "campaign",
        campaign: {
          validFrom: "2030-03-01T00:00:00Z",
          validTo: "2030-04-01T00:00:00Z",
          mode: "narrow",
          weeklyHours: [
            { weekday: "MONDAY", start: "09:00", end: "12:00" },
            { weekday: "MONDAY", start: "11:00", end: "13:00" },
          ],
        },
      },
      "input.campaign.weeklyHours.1",
    ],
  ])("refuses an inconsistent campaign %j at %s", async (input, path) => {
    const serviceId = await createService(server, org);
    const result = await create({ serviceId, name: "C", ...input });
    expect(result.__typename).toBe("ValidationError");
    expect(result.__typename === "ValidationError" ? result.fields.map((f) => f.path.join(".")) : []).toEqual([path]);
  });

  it("answers an unknown service with NotFoundError and a taken slug (of any organization) with ConflictError", async () => {
    const unknown = globalId("Service", "00000000-0000-4000-8000-000000000000");
    expect(await create({ serviceId: unknown, name: "X" })).toMatchObject({
      __typename: "NotFoundError",
      entity: "Service",
    });
    const other = await server.createOrganization("Other");
    const slug = unique("taken");
    const otherService = await createService(server, other);
    const first = await gqlData(
      server.url,
      CreateCalendar,
      { input: { serviceId: otherService, name: "A", slug } },
      other.owner,
    );
    expect(first.createCalendar.__typename).toBe("MutationCreateCalendarSuccess");
    const serviceId = await createService(server, org);
    expect(await create({ serviceId, name: "B", slug })).toMatchObject({
      __typename: "ConflictError",
      code: "CONFLICT",
    });
  });

  it("updates only the fields given; null clears slug and cap; leaving the campaign kind clears the campaign", async () => {
    const calendar = await calendarWith(server, org, {
      calendar: {
        kind: "campaign",
        slug: unique("c"),
        maxBookingsPerDayPerSpecialist: 3,
        campaign: {
          validFrom: "2030-03-01T00:00:00Z",
          validTo: "2030-04-01T00:00:00Z",
          mode: "narrow",
          weeklyHours: weekly("09:00", "10:00", ["MONDAY"]),
        },
      },
      specialists: [],
    });
    const renamed = await gqlData(
      server.url,
      UpdateCalendar,
      { id: calendar.id, input: { name: "Renamed" } },
      org.owner,
    );
    expect(renamed.updateCalendar).toMatchObject({
      __typename: "MutationUpdateCalendarSuccess",
      data: { name: "Renamed", kind: "campaign", maxBookingsPerDayPerSpecialist: 3, campaign: { mode: "narrow" } },
    });
    const cleared = await gqlData(
      server.url,
      UpdateCalendar,
      {
        id: calendar.id,
        input: { slug: null, maxBookingsPerDayPerSpecialist: null, kind: "promotion", bufferAfterMinutes: 5 },
      },
      org.owner,
    );
    expect(cleared.updateCalendar).toMatchObject({
      data: {
        slug: null,
        maxBookingsPerDayPerSpecialist: null,
        kind: "promotion",
        campaign: null,
        bufferAfterMinutes: 5,
      },
    });
    const toCampaign = await gqlData(
      server.url,
      UpdateCalendar,
      { id: calendar.id, input: { kind: "campaign" } },
      org.owner,
    );
    expect(toCampaign.updateCalendar).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "campaign"], message: "is required for a campaign calendar" }],
    });
    const invalid = await gqlData(
      server.url,
      UpdateCalendar,
      { id: calendar.id, input: { slotIntervalMinutes: 2000 } },
      org.owner,
    );
    expect(invalid.updateCalendar).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "slotIntervalMinutes"] }],
    });
  });

  it("deletes a calendar without appointments; one with appointments answers ConflictError and stays", async () => {
    const empty = await calendarWith(server, org, { specialists: [] });
    expect((await gqlData(server.url, DeleteCalendar, { id: empty.id }, org.owner)).deleteCalendar.__typename).toBe(
      "MutationDeleteCalendarSuccess",
    );
    expect((await gqlData(server.url, CalendarById, { id: empty.id }, org.owner)).calendar).toBeNull();
    const booked = await calendarWith(server, org, { specialists: [{ weeklyHours: weekly("09:00", "10:00") }] });
    await insertAppointment(server, org, booked, {
      specialistId: booked.specialistIds[0] as string,
      start: "2030-01-07T09:00:00Z",
    });
    expect((await gqlData(server.url, DeleteCalendar, { id: booked.id }, org.owner)).deleteCalendar).toMatchObject({
      __typename: "ConflictError",
    });
    expect((await gqlData(server.url, CalendarById, { id: booked.id }, org.owner)).calendar?.id).toBe(booked.id);
  });

  it("attaches specialists with weights (again: changes the weight) and detaches them", async () => {
    const calendar = await calendarWith(server, org, { specialists: [] });
    const [s1, s2] = [await createSpecialist(server, org), await createSpecialist(server, org)];
    for (const input of [
      { calendarId: calendar.id, specialistId: s1 },
      { calendarId: calendar.id, specialistId: s2, weight: 3 },
      { calendarId: calendar.id, specialistId: s1, weight: 2 },
    ]) {
      expect(
        (await gqlData(server.url, AttachCalendarSpecialist, { input }, org.owner)).attachCalendarSpecialist.__typename,
      ).toBe("MutationAttachCalendarSpecialistSuccess");
    }
    const read = await gqlData(server.url, CalendarById, { id: calendar.id }, org.owner);
    expect(read.calendar?.specialists.edges.map((e) => [e.node.specialist.id, e.node.weight])).toEqual([
      [s1, 2],
      [s2, 3],
    ]);
    const badWeight = await gqlData(
      server.url,
      AttachCalendarSpecialist,
      { input: { calendarId: calendar.id, specialistId: s1, weight: 0 } },
      org.owner,
    );
    expect(badWeight.attachCalendarSpecialist).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "weight"] }],
    });
    expect(
      (await gqlData(server.url, DetachCalendarSpecialist, { calendarId: calendar.id, specialistId: s1 }, org.owner))
        .detachCalendarSpecialist.__typename,
    ).toBe("MutationDetachCalendarSpecialistSuccess");
    expect(
      (await gqlData(server.url, DetachCalendarSpecialist, { calendarId: calendar.id, specialistId: s1 }, org.owner))
        .detachCalendarSpecialist,
    ).toEqual({
      __typename: "NotFoundError",
      code: "NOT_FOUND",
      message: expect.any(String),
      entity: "CalendarSpecialist",
    });
  });

  it("publishes a calendar by slug to anyone while it is active", async () => {
    const slug = unique("widget");
    const calendar = await calendarWith(server, org, {
      calendar: { slug, timezone: "Europe/Lisbon" },
      specialists: [{ weeklyHours: weekly("09:00", "10:00") }],
    });
    const seen = await gqlData(server.url, PublicCalendar, { slug }, {});
    expect(seen.publicCalendar).toMatchObject({
      id: calendar.id,
      slug,
      timezone: "Europe/Lisbon",
      durationMinutes: 30,
      specialists: [{ id: calendar.specialistIds[0] }],
    });
    await gqlData(server.url, UpdateCalendar, { id: calendar.id, input: { active: false } }, org.owner);
    expect((await gqlData(server.url, PublicCalendar, { slug }, {})).publicCalendar).toBeNull();
    expect((await gqlData(server.url, PublicCalendar, { slug: unique("nothing") }, {})).publicCalendar).toBeNull();
  });
});

describe("weekly hours and date overrides", () => {
  it("replaces a specialist's weekly hours and reads them back in week order", async () => {
    const specialistId = await createSpecialist(server, org, { timezone: "America/Chicago" });
    await setWeeklyHours(server.url, org.owner, specialistId, weekly("08:00", "12:00", ["FRIDAY", "MONDAY"]));
    const ranges = [
      { weekday: "TUESDAY" as const, start: "13:00", end: "24:00" },
      { weekday: "TUESDAY" as const, start: "08:00", end: "12:00" },
    ];
    const set = await gqlData(server.url, SetWeeklyHours, { input: { specialistId, ranges } }, org.owner);
    expect(set.setWeeklyHours).toMatchObject({ __typename: "MutationSetWeeklyHoursSuccess" });
    expect((await gqlData(server.url, WeeklyHours, { specialistId }, org.owner)).weeklyHours).toEqual([
      { weekday: "TUESDAY", start: "08:00", end: "12:00" },
      { weekday: "TUESDAY", start: "13:00", end: "24:00" },
    ]);
    await setWeeklyHours(server.url, org.owner, specialistId, []);
    expect((await gqlData(server.url, WeeklyHours, { specialistId }, org.owner)).weeklyHours).toEqual([]);
  });

  it("refuses malformed, reversed and overlapping ranges, each at its path", async () => {
    const specialistId = await createSpecialist(server, org);
    const result = await gqlData(
      server.url,
      SetWeeklyHours,
      {
        input: {
          specialistId,
          ranges: [
            { weekday: "MONDAY", start: "09:00", end: "12:00" },
            { weekday: "MONDAY", start: "11:30", end: "13:00" },
            { weekday: "TUESDAY", start: "25:00", end: "26:00" },
            { weekday: "WEDNESDAY", start: "12:00", end: "09:00" },
          ],
        },
      },
      org.owner,
    );
    expect(result.setWeeklyHours.__typename).toBe("ValidationError");
    const paths =
      result.setWeeklyHours.__typename === "ValidationError"
        ? result.setWeeklyHours.fields.map((f) => f.path.join("."))
        : [];
    expect(paths).toEqual(expect.arrayContaining(["input.ranges.2.start", "input.ranges.2.end", "input.ranges.3.end"]));
    const overlap = await gqlData(
      server.url,
      SetWeeklyHours,
      {
        input: {
          specialistId,
          ranges: [
            { weekday: "MONDAY", start: "09:00", end: "12:00" },
            { weekday: "MONDAY", start: "11:30", end: "13:00" },
          ],
        },
      },
      org.owner,
    );
    expect(overlap.setWeeklyHours).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "ranges", "1"], message: "overlaps another range of the same day" }],
    });
  });

  it("creates, lists, updates and deletes date overrides; one per date", async () => {
    const specialistId = await createSpecialist(server, org);
    const off = await gqlData(
      server.url,
      CreateScheduleOverride,
      { input: { specialistId, date: "2030-05-01", ranges: [], reason: "holiday" } },
      org.owner,
    );
    expect(off.createScheduleOverride).toMatchObject({
      data: { date: "2030-05-01", available: false, ranges: [], reason: "holiday" },
    });
    const other = await gqlData(
      server.url,
      CreateScheduleOverride,
      { input: { specialistId, date: "2030-05-03", ranges: [{ start: "14:00", end: "18:00" }] } },
      org.owner,
    );
    expect(other.createScheduleOverride).toMatchObject({
      data: { available: true, ranges: [{ start: "14:00", end: "18:00" }] },
    });
    const again = await gqlData(
      server.url,
      CreateScheduleOverride,
      { input: { specialistId, date: "2030-05-01", ranges: [] } },
      org.owner,
    );
    expect(again.createScheduleOverride).toMatchObject({ __typename: "ConflictError" });
    const invalidInputs: [CreateScheduleOverrideInput, string][] = [
      [{ specialistId, date: "2030-02-30", ranges: [] }, "input.date"],
      [{ specialistId, date: "2030-05-09", ranges: [{ start: "10:00", end: "09:00" }] }, "input.ranges.0.end"],
    ];
    for (const [input, path] of invalidInputs) {
      const invalid = await gqlData(server.url, CreateScheduleOverride, { input }, org.owner);
      expect(invalid.createScheduleOverride).toMatchObject({
        __typename: "ValidationError",
        fields: [{ path: path.split(".") }],
      });
    }
    const listed = await gqlData(server.url, Overrides, { specialistId, from: "2030-05-02" }, org.owner);
    expect(listed.scheduleOverrides?.edges.map((e) => e.node)).toEqual([{ date: "2030-05-03", available: true }]);
    const id =
      off.createScheduleOverride.__typename === "MutationCreateScheduleOverrideSuccess"
        ? off.createScheduleOverride.data.id
        : "";
    const updated = await gqlData(
      server.url,
      UpdateScheduleOverride,
      { id, input: { ranges: [{ start: "09:00", end: "10:00" }], reason: null } },
      org.owner,
    );
    expect(updated.updateScheduleOverride).toMatchObject({
      data: { available: true, ranges: [{ start: "09:00", end: "10:00" }], reason: null },
    });
    expect(
      (await gqlData(server.url, DeleteScheduleOverride, { id }, org.owner)).deleteScheduleOverride.__typename,
    ).toBe("MutationDeleteScheduleOverrideSuccess");
    expect((await gqlData(server.url, DeleteScheduleOverride, { id }, org.owner)).deleteScheduleOverride).toEqual({
      __typename: "NotFoundError",
      code: "NOT_FOUND",
      message: expect.any(String),
      entity: "ScheduleOverride",
    });
  });
});

describe("/v1 calendars, hours and overrides", () => {
  const call = async (method: string, path: string, body?: unknown, headers = org.owner) => {
    const response = await fetch(`${server.url}${path}`, {
      method,
      headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return {
      status: response.status,
      body: response.status === 204 ? null : ((await response.json()) as Record<string, unknown>),
    };
  };

  it("serves the calendar lifecycle", async () => {
    const serviceId = await createService(server, org);
    const specialistId = await createSpecialist(server, org);
    const slug = unique("rest");
    const created = await call("POST", "/v1/calendars", { serviceId, name: "REST", slug });
    expect(created).toMatchObject({ status: 201, body: { name: "REST", slug, service: { id: serviceId } } });
    const id = created.body?.id as string;
    expect(await call("GET", `/v1/calendars/${id}`)).toMatchObject({ status: 200, body: { id } });
    expect(await call("PATCH", `/v1/calendars/${id}`, { bufferAfterMinutes: 5 })).toMatchObject({
      status: 200,
      body: { bufferAfterMinutes: 5 },
    });
    expect(await call("PATCH", `/v1/calendars/${id}`, { bufferAfterMinutes: -1 })).toMatchObject({
      status: 422,
      body: { error: { code: "VALIDATION_FAILED", fields: [{ path: ["input", "bufferAfterMinutes"] }] } },
    });
    expect(await call("PUT", `/v1/calendars/${id}/specialists/${specialistId}`, { weight: 2 })).toMatchObject({
      status: 200,
    });
    expect(await call("GET", `/v1/calendars/${id}/specialists`)).toMatchObject({
      status: 200,
      body: { data: [{ specialist: { id: specialistId }, weight: 2 }], pageInfo: { hasNextPage: false } },
    });
    expect(await call("GET", `/v1/calendars?serviceId=${serviceId}`)).toMatchObject({
      status: 200,
      body: { data: [{ id }] },
    });
    expect(await call("GET", `/v1/calendars/by-slug/${slug}`, undefined, {})).toMatchObject({
      status: 200,
      body: { id, slug },
    });
    expect(await call("DELETE", `/v1/calendars/${id}/specialists/${specialistId}`)).toMatchObject({ status: 200 });
    expect(await call("DELETE", `/v1/calendars/${id}`)).toEqual({ status: 204, body: null });
    expect(await call("GET", `/v1/calendars/${id}`)).toMatchObject({ status: 404 });
  });

  it("serves weekly hours and overrides under the specialist", async () => {
    const specialistId = await createSpecialist(server, org);
    const ranges = [{ weekday: "MONDAY", start: "09:00", end: "17:00" }];
    expect(await call("PUT", `/v1/specialists/${specialistId}/weekly-hours`, { ranges })).toEqual({
      status: 200,
      body: ranges as never,
    });
    expect(await call("GET", `/v1/specialists/${specialistId}/weekly-hours`)).toEqual({
      status: 200,
      body: ranges as never,
    });
    const created = await call("POST", `/v1/specialists/${specialistId}/schedule-overrides`, {
      date: "2030-06-01",
      ranges: [],
    });
    expect(created).toMatchObject({ status: 201, body: { date: "2030-06-01", available: false } });
    const overrideId = created.body?.id as string;
    expect(await call("GET", `/v1/specialists/${specialistId}/schedule-overrides`)).toMatchObject({
      status: 200,
      body: { data: [{ id: overrideId }] },
    });
    expect(
      await call("PATCH", `/v1/specialists/${specialistId}/schedule-overrides/${overrideId}`, { reason: "moved" }),
    ).toMatchObject({
      status: 200,
      body: { reason: "moved" },
    });
    // The override under another specialist's path is not found.
    const otherSpecialist = await createSpecialist(server, org);
    expect(await call("DELETE", `/v1/specialists/${otherSpecialist}/schedule-overrides/${overrideId}`)).toMatchObject({
      status: 404,
    });
    expect(await call("DELETE", `/v1/specialists/${specialistId}/schedule-overrides/${overrideId}`)).toEqual({
      status: 204,
      body: null,
    });
  });
});
