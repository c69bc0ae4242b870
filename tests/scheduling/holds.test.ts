import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { globalId, gql, gqlData, uuidOf } from "../support/graphql.js";
import { startTestServer, useTestServer } from "../support/server.js";
import { ExtendHold, ReleaseHold } from "./documents.js";
import {
  addDays,
  anonymousAt,
  CreateHold,
  calendarWith,
  eventually,
  holdSlot,
  insertAppointment,
  nextWeekday,
  startsOf,
  type TestCalendar,
  weekly,
} from "./fixtures.js";

const HoldByToken = graphql(`
  query HoldsHold($token: String!) { hold(token: $token) { token start end specialistId calendarId } }
`);

const server = useTestServer();
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Holds clinic");
});

/** A published calendar (anyone may hold its slots) of one or more specialists working 09:00-12:00 UTC daily. */
const publishedCalendar = (specialists = 1, weights?: number[]) =>
  calendarWith(server, org, {
    calendar: { slug: unique("book") },
    specialists: Array.from({ length: specialists }, (_, i) => ({
      weeklyHours: weekly("09:00", "12:00"),
      weight: weights?.[i],
    })),
  });

const mondayAt = (time: string) => `${nextWeekday("MONDAY")}T${time}:00Z`;
const utcSlot = (time: string) => `${nextWeekday("MONDAY")}T${time}:00+00:00`;

const mondaySlots = (calendar: TestCalendar, specialistId?: string) => {
  const monday = nextWeekday("MONDAY");
  return startsOf(server.url, {
    calendarId: calendar.id,
    from: monday,
    to: addDays(monday, 1),
    timeZone: "UTC",
    specialistId,
  });
};

describe("holds are exclusive", () => {
  it("lets exactly one of 100 concurrent createHold on the same slot succeed", async () => {
    const calendar = await publishedCalendar();
    const specialistId = calendar.specialistIds[0] as string;
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        gql(
          server.url,
          CreateHold,
          { input: { calendarId: calendar.id, start: mondayAt("10:00"), specialistId } },
          anonymousAt(`10.1.${Math.floor(i / 250)}.${i % 250}`),
        ),
      ),
    );
    const kinds = results.map((r) => r.data?.createHold.__typename ?? JSON.stringify(r.errors));
    expect(kinds.filter((k) => k === "MutationCreateHoldSuccess")).toHaveLength(1);
    expect(kinds.filter((k) => k === "SlotUnavailableError")).toHaveLength(99);
    expect(await mondaySlots(calendar)).not.toContain(utcSlot("10:00"));
    const audited = await server.services.adminDb.auditLog.count({
      where: { action: "hold.create", entityId: uuidOf(calendar.id) },
    });
    expect(audited).toBe(1);
  });

  it("takes the slot (and its buffers) out of every calendar offering the specialist, until released", async () => {
    const calendar = await publishedCalendar();
    const specialistId = calendar.specialistIds[0] as string;
    const second = await calendarWith(server, org, {
      calendar: { bufferBeforeMinutes: 30, slug: unique("book") },
      specialists: [],
    });
    await server.services.adminDb.calendarSpecialist.create({
      data: { organizationId: uuidOf(org.id), calendarId: uuidOf(second.id), specialistId: uuidOf(specialistId) },
    });
    const hold = await holdSlot(
      server.url,
      { calendarId: second.id, start: mondayAt("10:30") },
      anonymousAt("10.2.0.1"),
    );
    expect(hold).toMatchObject({ specialistId, start: mondayAt("10:30").replace("Z", ".000Z") });
    // The hold reserves 10:00-11:00 (30 minutes before, from the second calendar's buffer).
    const held = ["09:00", "09:30", "11:00", "11:30"].map(utcSlot);
    expect(await mondaySlots(calendar)).toEqual(held);
    const release = await gqlData(server.url, ReleaseHold, { token: hold.token }, anonymousAt("10.9.9.9"));
    expect(release.releaseHold.__typename).toBe("MutationReleaseHoldSuccess");
    expect(await mondaySlots(calendar)).toEqual(["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"].map(utcSlot));
  });

  it("refuses a time that is not a free slot, and a specialist of another calendar", async () => {
    const calendar = await publishedCalendar();
    const other = await publishedCalendar();
    const ip = anonymousAt("10.3.0.1");
    for (const start of [mondayAt("10:15"), mondayAt("13:00"), "2020-01-06T10:00:00Z"]) {
      const result = await gqlData(server.url, CreateHold, { input: { calendarId: calendar.id, start } }, ip);
      expect(result.createHold).toMatchObject({ __typename: "SlotUnavailableError", code: "SLOT_UNAVAILABLE" });
    }
    const foreign = await gqlData(
      server.url,
      CreateHold,
      { input: { calendarId: calendar.id, start: mondayAt("10:00"), specialistId: other.specialistIds[0] } },
      ip,
    );
    expect(foreign.createHold).toMatchObject({ __typename: "NotFoundError", entity: "Specialist" });
    await insertAppointment(server, org, calendar, {
      specialistId: calendar.specialistIds[0] as string,
      start: mondayAt("11:00"),
    });
    const booked = await gqlData(
      server.url,
      CreateHold,
      { input: { calendarId: calendar.id, start: mondayAt("11:00") } },
      ip,
    );
    expect(booked.createHold.__typename).toBe("SlotUnavailableError");
  });

  it("answers a malformed start with 400 and an unpublished calendar with not found, for anonymous callers", async () => {
    const calendar = await publishedCalendar();
    const malformed = await gql(
      server.url,
      CreateHold,
      { input: { calendarId: calendar.id, start: "monday 10am" } },
      {},
    );
    expect(malformed.errors?.[0]?.message).toMatch(/DateTime/);
    const response = await fetch(`${server.url}/v1/holds`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ calendarId: calendar.id, start: "monday 10am" }),
    });
    expect(response.status).toBe(400);
    const unpublished = await calendarWith(server, org, { specialists: [{ weeklyHours: weekly("09:00", "12:00") }] });
    const hidden = await gqlData(
      server.url,
      CreateHold,
      { input: { calendarId: unpublished.id, start: mondayAt("10:00") } },
      anonymousAt("10.4.0.1"),
    );
    expect(hidden.createHold).toMatchObject({ __typename: "NotFoundError", entity: "Calendar" });
  });
});

describe("hold limits, extension, release and expiry", () => {
  it("lets one client hold at most HOLD_MAX_PER_CLIENT slots at once", async () => {
    const calendar = await publishedCalendar();
    const visitor = anonymousAt("10.5.0.1");
    const tokens: string[] = [];
    for (const time of ["09:00", "09:30", "10:00"]) {
      tokens.push((await holdSlot(server.url, { calendarId: calendar.id, start: mondayAt(time) }, visitor)).token);
    }
    const fourth = await gqlData(
      server.url,
      CreateHold,
      { input: { calendarId: calendar.id, start: mondayAt("11:00") } },
      visitor,
    );
    expect(fourth.createHold).toMatchObject({ __typename: "HoldLimitError", code: "TOO_MANY_HOLDS", limit: 3 });
    // Another visitor is not limited by the first one's holds; the first may hold again after a release.
    await holdSlot(server.url, { calendarId: calendar.id, start: mondayAt("11:30") }, anonymousAt("10.5.0.2"));
    await gqlData(server.url, ReleaseHold, { token: tokens[0] as string }, visitor);
    await holdSlot(server.url, { calendarId: calendar.id, start: mondayAt("11:00") }, visitor);
  });

  it("extends a live hold, answers it by token, and after release answers not found", async () => {
    const calendar = await publishedCalendar();
    const visitor = anonymousAt("10.6.0.1");
    const hold = await holdSlot(server.url, { calendarId: calendar.id, start: mondayAt("09:00") }, visitor);
    await new Promise((r) => setTimeout(r, 20));
    const extended = await gqlData(server.url, ExtendHold, { token: hold.token }, visitor);
    expect(extended.extendHold.__typename).toBe("MutationExtendHoldSuccess");
    const expiresAt =
      extended.extendHold.__typename === "MutationExtendHoldSuccess" ? extended.extendHold.data.expiresAt : "";
    expect(Date.parse(String(expiresAt))).toBeGreaterThan(Date.parse(String(hold.expiresAt)));
    expect((await gqlData(server.url, HoldByToken, { token: hold.token }, {})).hold).toMatchObject({
      token: hold.token,
      calendarId: calendar.id,
      specialistId: calendar.specialistIds[0],
    });
    await gqlData(server.url, ReleaseHold, { token: hold.token }, visitor);
    expect((await gqlData(server.url, HoldByToken, { token: hold.token }, {})).hold).toBeNull();
    expect((await gqlData(server.url, ExtendHold, { token: hold.token }, visitor)).extendHold).toMatchObject({
      __typename: "NotFoundError",
      entity: "Hold",
    });
    expect((await gqlData(server.url, ReleaseHold, { token: hold.token }, visitor)).releaseHold).toMatchObject({
      __typename: "NotFoundError",
      entity: "Hold",
    });
  });

  it("keeps a signed-in user's hold theirs: another user can neither read, extend nor release it", async () => {
    const calendar = await publishedCalendar();
    const patient = await server.addMember(org, "patient");
    const stranger = await server.addMember(org, "staff");
    const hold = await holdSlot(server.url, { calendarId: calendar.id, start: mondayAt("09:30") }, patient.headers);
    expect((await gqlData(server.url, HoldByToken, { token: hold.token }, stranger.headers)).hold).toBeNull();
    expect((await gqlData(server.url, ExtendHold, { token: hold.token }, stranger.headers)).extendHold.__typename).toBe(
      "NotFoundError",
    );
    expect((await gqlData(server.url, ReleaseHold, { token: hold.token }, {})).releaseHold.__typename).toBe(
      "NotFoundError",
    );
    expect((await gqlData(server.url, HoldByToken, { token: hold.token }, patient.headers)).hold?.token).toBe(
      hold.token,
    );
    expect(await mondaySlots(calendar)).not.toContain(utcSlot("09:30"));
    expect(
      (await gqlData(server.url, ReleaseHold, { token: hold.token }, patient.headers)).releaseHold.__typename,
    ).toBe("MutationReleaseHoldSuccess");
  });

  it("expires after HOLD_TTL_SECONDS: the slot comes back and the token answers nothing", async () => {
    const shortLived = await startTestServer(server.db, { SERVER_ROLE: "api", HOLD_TTL_SECONDS: "1" });
    try {
      const calendar = await publishedCalendar();
      const hold = await holdSlot(
        shortLived.url,
        { calendarId: calendar.id, start: mondayAt("10:30") },
        anonymousAt("10.7.0.1"),
      );
      expect(await mondaySlots(calendar)).not.toContain(utcSlot("10:30"));
      expect(await eventually(async () => (await mondaySlots(calendar)).includes(utcSlot("10:30")))).toBe(true);
      expect((await gqlData(server.url, HoldByToken, { token: hold.token }, {})).hold).toBeNull();
    } finally {
      await shortLived.close();
    }
  });

  it("serves /v1/holds: create (201), read, extend, release; a taken slot is 409", async () => {
    const calendar = await publishedCalendar();
    const headers = { "content-type": "application/json", ...anonymousAt("10.8.0.1") };
    const create = (start: string) =>
      fetch(`${server.url}/v1/holds`, {
        method: "POST",
        headers,
        body: JSON.stringify({ calendarId: calendar.id, start }),
      });
    const created = await create(mondayAt("09:00"));
    expect(created.status).toBe(201);
    const hold = (await created.json()) as { token: string; start: string; specialistId: string };
    expect(hold).toMatchObject({
      start: mondayAt("09:00").replace("Z", ".000Z"),
      specialistId: calendar.specialistIds[0],
    });
    const taken = await create(mondayAt("09:00"));
    expect(taken.status).toBe(409);
    expect(await taken.json()).toMatchObject({ error: { code: "SLOT_UNAVAILABLE" } });
    expect((await fetch(`${server.url}/v1/holds/${hold.token}`)).status).toBe(200);
    expect((await fetch(`${server.url}/v1/holds/${hold.token}/extend`, { method: "POST", headers })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/holds/${hold.token}`, { method: "DELETE", headers })).status).toBe(200);
    expect((await fetch(`${server.url}/v1/holds/${hold.token}`)).status).toBe(404);
    expect((await fetch(`${server.url}/v1/holds/${hold.token}`, { method: "DELETE", headers })).status).toBe(404);
  });
});

describe("fair assignment when no specialist is chosen", () => {
  const assign = async (calendar: TestCalendar, times: string[]) => {
    const assigned: number[] = [];
    for (const [i, time] of times.entries()) {
      const hold = await holdSlot(
        server.url,
        { calendarId: calendar.id, start: mondayAt(time) },
        anonymousAt(`10.10.${assigned.length}.${i}`),
      );
      assigned.push(calendar.specialistIds.indexOf(hold.specialistId));
    }
    return assigned;
  };

  it("rotates through equally weighted specialists in the order they joined, deterministically", async () => {
    const calendar = await publishedCalendar(3);
    expect(await assign(calendar, ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"])).toEqual([0, 1, 2, 0, 1, 2]);
    const recorded = await server.services.adminDb.specialistAssignmentTracking.findMany({
      where: { calendarId: uuidOf(calendar.id) },
      orderBy: { assignedAt: "asc" },
    });
    expect(recorded.map((r) => calendar.specialistIds.indexOf(globalId("Specialist", r.specialistId)))).toEqual([
      0, 1, 2, 0, 1, 2,
    ]);
  });

  it("gives a specialist of weight 2 twice the share of one of weight 1", async () => {
    const calendar = await publishedCalendar(2, [2, 1]);
    expect(await assign(calendar, ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30"])).toEqual([0, 1, 0, 1, 0, 0]);
  });

  it("skips a specialist who is not free at that time, and does not record chosen specialists", async () => {
    const calendar = await publishedCalendar(2);
    await insertAppointment(server, org, calendar, {
      specialistId: calendar.specialistIds[0] as string,
      start: mondayAt("09:00"),
    });
    expect(await assign(calendar, ["09:00"])).toEqual([1]);
    await holdSlot(
      server.url,
      { calendarId: calendar.id, start: mondayAt("10:00"), specialistId: calendar.specialistIds[1] },
      anonymousAt("10.11.0.1"),
    );
    expect(
      await server.services.adminDb.specialistAssignmentTracking.count({ where: { calendarId: uuidOf(calendar.id) } }),
    ).toBe(1);
  });
});
