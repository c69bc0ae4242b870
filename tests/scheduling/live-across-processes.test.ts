import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/db/prisma.js";
import { graphql } from "../generated/gql.js";
import { createOrganization, type TestOrganization, unique } from "../support/auth.js";
import { useTestDatabase } from "../support/database.js";
import { gqlData, subscribe } from "../support/graphql.js";
import { useServerProcess } from "../support/process.js";
import { ReleaseHold } from "./documents.js";
import { addDays, anonymousAt, calendarWith, holdSlot, nextWeekday, weekly } from "./fixtures.js";

const Watch = graphql(`
  subscription AcrossProcessesTimeslots($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!) {
    timeslotsChanged(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone) {
      reason
      changed { start availableSpecialists }
    }
  }
`);
const db = useTestDatabase();
// Both serve the API and sweep expired holds; holds live in the shared Redis.
const first = useServerProcess(db, { SERVER_ROLE: "api", HOLD_TTL_SECONDS: "2" });
const second = useServerProcess(db, { SERVER_ROLE: "api", HOLD_TTL_SECONDS: "2" });
let adminDb: PrismaClient;
let org: TestOrganization;

beforeAll(async () => {
  adminDb = createPrisma(db.adminUrl, 2);
  org = await createOrganization(first.url, "Two processes");
});
afterAll(async () => {
  await adminDb?.$disconnect();
});

describe("timeslotsChanged across two server processes", () => {
  it("delivers holds made, released and expired in one process to a subscriber of the other", async () => {
    expect(first.pid).not.toBe(second.pid);
    const calendar = await calendarWith({ url: first.url, services: { adminDb } }, org, {
      calendar: { slug: unique("processes") },
      specialists: [{ weeklyHours: weekly("09:00", "11:00") }],
    });
    const monday = nextWeekday("MONDAY");
    const slot = (time: string) => `${monday}T${time}:00+00:00`;
    const subscription = subscribe(first.url, Watch, {
      calendarId: calendar.id,
      from: monday,
      to: addDays(monday, 1),
      timeZone: "UTC",
    });
    try {
      expect((await subscription.next()).timeslotsChanged.reason).toBe("INITIAL");

      const visitor = anonymousAt("10.20.0.1");
      const hold = await holdSlot(second.url, { calendarId: calendar.id, start: `${monday}T09:00:00Z` }, visitor);
      expect((await subscription.next()).timeslotsChanged).toEqual({
        reason: "HOLD_CREATED",
        changed: [{ start: slot("09:00"), availableSpecialists: 0 }],
      });
      await gqlData(second.url, ReleaseHold, { token: hold.token }, visitor);
      expect((await subscription.next()).timeslotsChanged).toEqual({
        reason: "HOLD_RELEASED",
        changed: [{ start: slot("09:00"), availableSpecialists: 1 }],
      });

      // Expiry: whichever process's sweep takes the expired hold announces it.
      await holdSlot(second.url, { calendarId: calendar.id, start: `${monday}T10:00:00Z` }, visitor);
      expect((await subscription.next()).timeslotsChanged.reason).toBe("HOLD_CREATED");
      expect((await subscription.next()).timeslotsChanged).toEqual({
        reason: "HOLD_EXPIRED",
        changed: [{ start: slot("10:00"), availableSpecialists: 1 }],
      });
    } finally {
      subscription.close();
    }
  });
});
