import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { anonymousAt, CreateHold, holdSlot, insertAppointment } from "../scheduling/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { testEnv } from "../support/env.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { activePatient, at, BookAppointment, book, bookingDay, clinicCalendar } from "./fixtures.js";

const server = useTestServer({ env: { HOLD_MAX_PER_CLIENT: "50" } });
let org: TestOrganization;
let redis: Redis;
const prefix = () => server.services.config.redis.prefix;

/** Loses every key this deployment has in Redis (holds included), as a flush or a failover would. */
async function wipeRedis() {
  const keys = await redis.keys(`${prefix()}*`);
  if (keys.length) await redis.del(...keys);
}

beforeAll(async () => {
  org = await server.createOrganization("Race clinic");
  redis = new Redis(testEnv.redisUrl);
});
afterAll(async () => {
  redis?.disconnect();
});

const day = bookingDay(9);
const appointmentsAt = (calendarId: string) =>
  server.services.adminDb.appointment.count({
    where: { calendarId: uuidOf(calendarId), status: { not: "cancelled" } },
  });

describe("the exclusion constraint", () => {
  it("refuses a specialist's overlapping appointments, buffers included, but not cancelled ones", async () => {
    const calendar = await clinicCalendar(server, org, { specialists: 2 });
    const [first, second] = calendar.specialistIds as [string, string];
    await insertAppointment(server, org, calendar, {
      specialistId: first,
      start: at(day, "10:00"),
      bufferAfterMinutes: 10,
    });
    await expect(
      insertAppointment(server, org, calendar, { specialistId: first, start: at(day, "10:15") }),
    ).rejects.toThrow(/appointments_no_double_booking|23P01/);
    // 10:30 starts inside the 10-minute buffer after 10:00-10:30.
    await expect(
      insertAppointment(server, org, calendar, { specialistId: first, start: at(day, "10:30") }),
    ).rejects.toThrow(/appointments_no_double_booking|23P01/);
    await insertAppointment(server, org, calendar, { specialistId: first, start: at(day, "10:40") });
    await insertAppointment(server, org, calendar, { specialistId: second, start: at(day, "10:00") });
    await insertAppointment(server, org, calendar, {
      specialistId: first,
      start: at(day, "12:00"),
      status: "cancelled",
    }).catch(() => {
      throw new Error("a cancelled appointment must not need its time");
    });
  });
});

describe("no double booking", () => {
  it("lets exactly one of 200 clients racing for one slot book it; the rest get SlotUnavailable", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const input = { calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id };
    const results = await Promise.all(
      Array.from({ length: 200 }, () => gqlData(server.url, BookAppointment, { input }, org.owner)),
    );
    const outcomes = results.map((r) => r.bookAppointment.__typename);
    expect(outcomes.filter((t) => t === "MutationBookAppointmentSuccess")).toHaveLength(1);
    expect(outcomes.filter((t) => t === "SlotUnavailableError")).toHaveLength(199);
    expect(await appointmentsAt(calendar.id)).toBe(1);
  });

  it("holds when Redis loses a hold in the middle of a booking: the database refuses the second appointment", async () => {
    const calendar = await clinicCalendar(server, org);
    const [specialistId] = calendar.specialistIds as [string];
    const patient = await activePatient(server.url, org);
    const first = await holdSlot(server.url, { calendarId: calendar.id, start: at(day, "11:00") }, org.owner);
    await wipeRedis();
    // With its hold gone, the slot looks free: another client holds and books it.
    const visitor = anonymousAt("198.51.100.7");
    const second = await holdSlot(server.url, { calendarId: calendar.id, start: at(day, "11:00") }, visitor);
    await book(
      server.url,
      { holdToken: second.token, contact: { firstName: "B", lastName: "Second", email: "b@example.com" } },
      visitor,
    );
    // The first client's booking had already passed its hold check when Redis lost it: the hold
    // store believes it again (as a client mid-flow would), and only the database can refuse.
    const believed = await server.services.holds.create({
      calendarId: uuidOf(calendar.id),
      specialistId: uuidOf(specialistId),
      start: Date.parse(String(first.start)),
      end: Date.parse(String(first.end)),
      slotStart: Date.parse(String(first.start)),
      slotEnd: Date.parse(String(first.end)),
      clientId: "ip:198.51.100.8",
      ttlMs: 60_000,
      maxPerClient: 5,
    });
    if (!believed.ok) throw new Error("the hold store should have granted the stale hold");
    const refused = await gqlData(
      server.url,
      BookAppointment,
      { input: { holdToken: believed.hold.token, patientId: patient.id } },
      org.owner,
    );
    expect(refused.bookAppointment).toMatchObject({ __typename: "SlotUnavailableError", code: "SLOT_UNAVAILABLE" });
    expect(await appointmentsAt(calendar.id)).toBe(1);
    expect(await server.services.holds.get(believed.hold.token)).toBeNull();
  });

  it("books one appointment when 40 clients hold and book one slot while Redis is flushed again and again", async () => {
    const calendar = await clinicCalendar(server, org);
    const start = at(day, "14:00");
    let flushing = true;
    const flusher = (async () => {
      while (flushing) {
        await wipeRedis();
        await new Promise((r) => setTimeout(r, 2));
      }
    })();
    let holdsGranted = 0;
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, async (_, i) => {
        const visitor = anonymousAt(`198.51.100.${100 + i}`);
        const held = await gqlData(server.url, CreateHold, { input: { calendarId: calendar.id, start } }, visitor);
        if (held.createHold.__typename !== "MutationCreateHoldSuccess") return held.createHold.__typename;
        holdsGranted++;
        const contact = { firstName: "Racer", lastName: String(i), email: `racer${i}@example.com` };
        const booked = await gqlData(
          server.url,
          BookAppointment,
          { input: { holdToken: held.createHold.data.token, contact } },
          visitor,
        );
        return booked.bookAppointment.__typename;
      }),
    );
    flushing = false;
    await flusher;
    expect(holdsGranted).toBeGreaterThanOrEqual(1);
    for (const outcome of outcomes) {
      expect(["MutationBookAppointmentSuccess", "SlotUnavailableError", "HoldExpiredError"]).toContain(outcome);
    }
    // Whether or not a racer got through, one more booking settles it: the time is booked exactly once.
    const last = await gqlData(
      server.url,
      BookAppointment,
      {
        input: {
          calendarId: calendar.id,
          start,
          contact: { firstName: "L", lastName: "Ast", email: "last@example.com" },
        },
      },
      anonymousAt("198.51.100.99"),
    );
    const successes = [...outcomes, last.bookAppointment.__typename].filter(
      (t) => t === "MutationBookAppointmentSuccess",
    );
    expect(successes).toHaveLength(1);
    expect(await appointmentsAt(calendar.id)).toBe(1);
  });
});
