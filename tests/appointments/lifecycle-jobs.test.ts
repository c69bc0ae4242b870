import { beforeAll, describe, expect, it } from "vitest";
import { eventually } from "../scheduling/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { activePatient, book, clinicCalendar } from "./fixtures.js";

const HALF_HOUR = 30 * 60_000;

const server = useTestServer({ worker: true });
let org: TestOrganization;

beforeAll(async () => {
  // The worker runs in this server: jobs due now run at once.
  org = await server.createOrganization("Worker clinic");
});

describe("the lifecycle jobs, run by the worker", () => {
  it("make an appointment booked inside the reminder window upcoming without anyone asking", async () => {
    const calendar = await clinicCalendar(server, org, {
      specialists: 1,
      calendar: { timezone: "UTC" },
    });
    await server.services.adminDb.specialistWeeklyHours.updateMany({
      where: { specialistId: uuidOf(calendar.specialistIds[0] as string) },
      data: { startMinute: 0, endMinute: 1440 },
    });
    const patient = await activePatient(server.url, org);
    // Three hours from now on the half-hour grid: well inside the 24-hour reminder window.
    const start = new Date(Math.ceil((Date.now() + 3 * 3_600_000) / HALF_HOUR) * HALF_HOUR).toISOString();
    const booking = await book(server.url, { calendarId: calendar.id, start, patientId: patient.id }, org.owner);
    expect(booking.status).toBe("booked");
    const upcoming = await eventually(async () => {
      const row = await server.services.adminDb.appointment.findUniqueOrThrow({
        where: { id: uuidOf(booking.appointmentId) },
      });
      return row.status === "upcoming";
    }, 10_000);
    expect(upcoming).toBe(true);
    const history = await server.services.adminDb.appointmentHistory.findMany({
      where: { appointmentId: uuidOf(booking.appointmentId) },
      orderBy: { occurredAt: "asc" },
    });
    expect(history.map((h) => [h.toStatus, h.actor])).toEqual([
      ["booked", "staff"],
      ["upcoming", "system"],
    ]);
  });
});
