import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { announceCalendarChange } from "../../src/modules/scheduling/domain/timeslots/announce.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { gqlData, type Subscription, subscribe, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { ReleaseHold } from "./documents.js";
import {
  addDays,
  anonymousAt,
  calendarWith,
  holdSlot,
  insertAppointment,
  nextWeekday,
  type TestCalendar,
  TimeslotsChanged,
  weekly,
} from "./fixtures.js";

const server = useTestServer({ env: { HOLD_TTL_SECONDS: "1" } });
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Live clinic");
});

const monday = nextWeekday("MONDAY");
const at = (time: string) => `${monday}T${time}:00Z`;
const slot = (time: string) => `${monday}T${time}:00+00:00`;

/** A published calendar of one specialist working 09:00-11:00 UTC. */
const publishedCalendar = () =>
  calendarWith(server, org, {
    calendar: { slug: unique("live") },
    specialists: [{ weeklyHours: weekly("09:00", "11:00") }],
  });

/** An anonymous widget watching Monday. */
async function watch(calendar: TestCalendar) {
  const subscription = subscribe(server.url, TimeslotsChanged, {
    calendarId: calendar.id,
    from: monday,
    to: addDays(monday, 1),
    timeZone: "UTC",
  });
  const initial = await subscription.next();
  return { subscription, initial: initial.timeslotsChanged };
}

const closing: Subscription<unknown>[] = [];
afterAll(() => {
  for (const s of closing) s.close();
});

describe("timeslotsChanged over SSE, one process", () => {
  it("sends the current slots first, then each hold made and released, with what changed", async () => {
    const calendar = await publishedCalendar();
    const { subscription, initial } = await watch(calendar);
    closing.push(subscription);
    expect(initial).toMatchObject({ calendarId: calendar.id, reason: "INITIAL" });
    expect(initial.slots.map((s) => s.start)).toEqual(["09:00", "09:30", "10:00", "10:30"].map(slot));

    const hold = await holdSlot(server.url, { calendarId: calendar.id, start: at("09:30") }, anonymousAt("10.0.0.1"));
    const held = (await subscription.next()).timeslotsChanged;
    expect(held.reason).toBe("HOLD_CREATED");
    expect(held.changed).toEqual([{ start: slot("09:30"), availableSpecialists: 0, specialistIds: [] }]);
    expect(held.slots.map((s) => s.start)).toEqual(["09:00", "10:00", "10:30"].map(slot));

    await gqlData(server.url, ReleaseHold, { token: hold.token }, anonymousAt("10.0.0.1"));
    const released = (await subscription.next()).timeslotsChanged;
    expect(released).toMatchObject({
      reason: "HOLD_RELEASED",
      changed: [{ start: slot("09:30"), availableSpecialists: 1, specialistIds: calendar.specialistIds }],
    });
  });

  it("announces a hold that expires", async () => {
    const calendar = await publishedCalendar();
    const { subscription } = await watch(calendar);
    closing.push(subscription);
    await holdSlot(server.url, { calendarId: calendar.id, start: at("10:00") }, anonymousAt("10.0.0.2"));
    expect((await subscription.next()).timeslotsChanged.reason).toBe("HOLD_CREATED");
    const expired = (await subscription.next()).timeslotsChanged;
    expect(expired).toMatchObject({
      reason: "HOLD_EXPIRED",
      changed: [{ start: slot("10:00"), availableSpecialists: 1 }],
    });
  });

  it("sends appointments booked and cancelled through announceCalendarChange", async () => {
    const calendar = await publishedCalendar();
    const { subscription } = await watch(calendar);
    closing.push(subscription);
    const specialistId = uuidOf(calendar.specialistIds[0] as string);
    const appointment = await insertAppointment(server, org, calendar, {
      specialistId: calendar.specialistIds[0] as string,
      start: at("10:30"),
    });
    const change = { specialistId, start: appointment.startAt.getTime(), end: appointment.endAt.getTime() };
    await announceCalendarChange(server.services, { reason: "APPOINTMENT_BOOKED", ...change });
    expect((await subscription.next()).timeslotsChanged).toMatchObject({
      reason: "APPOINTMENT_BOOKED",
      changed: [{ start: slot("10:30"), availableSpecialists: 0 }],
    });
    await server.services.adminDb.appointment.update({
      where: { id: appointment.id },
      data: { status: "cancelled", cancelledAt: new Date() },
    });
    await announceCalendarChange(server.services, { reason: "APPOINTMENT_CANCELLED", ...change });
    expect((await subscription.next()).timeslotsChanged).toMatchObject({
      reason: "APPOINTMENT_CANCELLED",
      changed: [{ start: slot("10:30"), availableSpecialists: 1 }],
    });
  });

  it("sends nothing for a change outside the subscriber's range", async () => {
    const calendar = await publishedCalendar();
    const { subscription } = await watch(calendar);
    closing.push(subscription);
    const later = addDays(monday, 7);
    await holdSlot(server.url, { calendarId: calendar.id, start: `${later}T09:00:00Z` }, anonymousAt("10.0.0.3"));
    await holdSlot(server.url, { calendarId: calendar.id, start: at("09:00") }, anonymousAt("10.0.0.3"));
    // The next message is the second hold's: the first one's never came.
    expect((await subscription.next()).timeslotsChanged.changed).toEqual([
      { start: slot("09:00"), availableSpecialists: 0, specialistIds: [] },
    ]);
  });

  it("answers bad arguments and hidden calendars with a GraphQL error carrying the code", async () => {
    const calendar = await publishedCalendar();
    const unpublished = await calendarWith(server, org, { specialists: [] });
    const errorsOf = async (variables: Record<string, unknown>) => {
      const response = await fetch(`${server.url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body: JSON.stringify({ query: TimeslotsChanged.toString(), variables }),
      });
      const text = await response.text();
      const data = text
        .split("\n")
        .filter((line) => line.startsWith("data:") && line.length > 6)
        .map((line) => JSON.parse(line.slice(5)) as { errors?: { extensions?: { code?: string } }[] });
      return data.flatMap((d) => d.errors ?? []).map((e) => e.extensions?.code);
    };
    const valid = { calendarId: calendar.id, from: monday, to: addDays(monday, 1), timeZone: "UTC" };
    expect(await errorsOf({ ...valid, timeZone: "Nowhere/Else" })).toEqual(["VALIDATION_FAILED"]);
    expect(await errorsOf({ ...valid, to: addDays(monday, 90) })).toEqual(["VALIDATION_FAILED"]);
    expect(await errorsOf({ ...valid, calendarId: unpublished.id })).toEqual(["NOT_FOUND"]);
  });
});
