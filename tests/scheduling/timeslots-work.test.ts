import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedExecutionStats } from "../../src/modules/scheduling/live/shared-results.js";
import { graphql } from "../generated/gql.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { gql, type Subscription, subscribe, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { statementRecorder } from "../support/statements.js";
import {
  addDays,
  anonymousAt,
  calendarWith,
  holdSlot,
  nextWeekday,
  slotsOf,
  Timeslots,
  TimeslotsChanged,
  weekly,
} from "./fixtures.js";

/** A second selection of the same subscription: its own execution, never another document's. */
const TimeslotsChangedSignal = graphql(`
  subscription WorkTimeslotsChangedSignal($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!) {
    timeslotsChanged(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone) {
      reason
      changed { start availableSpecialists }
    }
  }
`);

const recorder = statementRecorder();
const server = useTestServer({ container: recorder.options });
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Timeslots work clinic");
});
const closing: Subscription<unknown>[] = [];
afterAll(async () => {
  for (const s of closing) s.close();
});

const monday = nextWeekday("MONDAY");
const publishedCalendar = (specialists = 2) =>
  calendarWith(server, org, {
    calendar: { slug: unique("work") },
    specialists: Array.from({ length: specialists }, () => ({ weeklyHours: weekly("09:00", "17:00") })),
  });

/** The statements one call issues on the API connection. */
const statementsOf = async (run: () => Promise<unknown>) => (await recorder.during(run)).sql;

describe("the statements of a timeslots request", () => {
  // A regression shows up as a number. The transaction's BEGIN is not reported by the driver.
  it("a member's request is one scoped read: the scope, the calendar with everything availability needs, COMMIT", async () => {
    const calendar = await publishedCalendar(3);
    const range = { calendarId: calendar.id, from: monday, to: addDays(monday, 31), timeZone: "UTC" };
    const sql = await statementsOf(() => slotsOf(server.url, range, org.owner));
    expect(sql).toHaveLength(3);
    expect(sql[0]).toMatch(/^SELECT set_config\('app.organization_id'/);
    expect(sql[1]).toMatch(/^WITH offered AS/);
    expect(sql[2]).toBe("COMMIT");
    // One specialist of the calendar: the same single read.
    const one = { ...range, specialistId: calendar.specialistIds[1] as string };
    expect(await statementsOf(() => slotsOf(server.url, one, org.owner))).toHaveLength(3);
  });

  it("an anonymous widget looks its calendar's organization up once, then reads as a member does", async () => {
    const calendar = await publishedCalendar();
    const range = { calendarId: calendar.id, from: monday, to: addDays(monday, 31), timeZone: "UTC" };
    const first = await statementsOf(() => slotsOf(server.url, range, anonymousAt("10.1.0.1")));
    expect(first).toHaveLength(4);
    expect(first[0]).toMatch(/tenancy\.published_calendar/);
    const again = await statementsOf(() => slotsOf(server.url, range, anonymousAt("10.1.0.2")));
    expect(again).toHaveLength(3);
    expect(again.some((s) => s.includes("published_calendar"))).toBe(false);
  });

  it("a calendar unpublished after a widget read it is not found for widgets, however its organization is known", async () => {
    const calendar = await publishedCalendar(1);
    const range = { calendarId: calendar.id, from: monday, to: addDays(monday, 7), timeZone: "UTC" };
    expect((await slotsOf(server.url, range, anonymousAt("10.1.0.3"))).length).toBeGreaterThan(0);
    await server.services.adminDb.calendar.update({ where: { id: uuidOf(calendar.id) }, data: { slug: null } });
    const hidden = await gql(server.url, Timeslots, range, anonymousAt("10.1.0.3"));
    expect(hidden.data?.timeslots).toMatchObject({ __typename: "NotFoundError", entity: "Calendar" });
    // Its members still see it.
    expect((await slotsOf(server.url, range, org.owner)).length).toBeGreaterThan(0);
  });
});

describe("live timeslots shared between subscribers", () => {
  it("subscribers with the same selection and arguments share one execution per change", async () => {
    const calendar = await publishedCalendar(1);
    const variables = { calendarId: calendar.id, from: monday, to: addDays(monday, 1), timeZone: "UTC" };
    const same = Array.from({ length: 3 }, () => subscribe(server.url, TimeslotsChanged, variables));
    const signal = subscribe(server.url, TimeslotsChangedSignal, variables);
    closing.push(...same, signal);
    const all = [...same, signal];
    for (const s of all)
      expect(((await s.next()) as { timeslotsChanged: { reason: string } }).timeslotsChanged.reason).toBe("INITIAL");

    // After a first change every subscriber is in the same state (the first messages may come
    // from different reads); the second change is then one update for all of them.
    const visitor = anonymousAt("10.1.0.9");
    await holdSlot(server.url, { calendarId: calendar.id, start: `${monday}T09:00:00Z` }, visitor);
    for (const s of all) await s.next();
    const before = { ...sharedExecutionStats };
    await holdSlot(server.url, { calendarId: calendar.id, start: `${monday}T10:00:00Z` }, visitor);
    const messages = await Promise.all(same.map((s) => s.next()));
    const signalled = (await signal.next()).timeslotsChanged;

    expect(sharedExecutionStats.executed - before.executed).toBe(2); // one per selection
    expect(sharedExecutionStats.shared - before.shared).toBe(2); // the other two of the same selection
    expect(sharedExecutionStats.framesEncoded - before.framesEncoded).toBe(2); // and one SSE frame each
    for (const m of messages) expect(m).toEqual(messages[0]);
    const [first] = messages;
    expect(first?.timeslotsChanged.reason).toBe("HOLD_CREATED");
    expect(first?.timeslotsChanged.changed).toEqual([
      { start: `${monday}T10:00:00+00:00`, availableSpecialists: 0, specialistIds: [] },
    ]);
    expect(first?.timeslotsChanged.slots.map((s) => s.start)).not.toContain(`${monday}T10:00:00+00:00`);
    expect(signalled).toEqual({
      reason: "HOLD_CREATED",
      changed: [{ start: `${monday}T10:00:00+00:00`, availableSpecialists: 0 }],
    });
  });
});
