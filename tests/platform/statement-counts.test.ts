import { beforeAll, describe, expect, it } from "vitest";
import { activePatient, addDays, at, BookAppointment, bookingDay, clinicCalendar } from "../appointments/fixtures.js";
import { graphql } from "../generated/gql.js";
import { CreateHold, Timeslots } from "../scheduling/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { gqlData } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { statementRecorder } from "../support/statements.js";

const Ping = graphql(`
  query StatementsPing { ping }
`);
const Cancel = graphql(`
  mutation StatementsCancel($id: ID!) { cancelAppointment(id: $id) { __typename } }
`);

const recorder = statementRecorder();
const server = useTestServer({ container: recorder.options });
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization();
});

/** The SQL statements the API connection sent for one request (authentication uses its own). */
const measured = recorder.during;

/**
 * What the hot operations cost in statements, so that a change that adds a round trip shows up
 * as a number here. Each count includes the scoped transaction around the work (BEGIN, the
 * scope's settings, COMMIT); a request's reads share one such transaction.
 */
describe("statements per operation", () => {
  it("answers a trivial query without touching the database", async () => {
    const { sql, result } = await measured(() => gqlData(server.url, Ping, {}, org.owner));
    expect(result.ping).toBe("pong");
    expect(sql).toEqual([]);
  });

  // Booking: the write transaction (scope, calendar, patient, first-booking check, appointment,
  // history, jobs, two events, audit, COMMIT), then the answer's reads in one transaction.
  it("reads timeslots, holds, books and cancels in a fixed number of statements", async () => {
    const calendar = await clinicCalendar(server, org, { specialists: 3 });
    const patient = await activePatient(server.url, org);
    const { key } = await server.createApiKey(org, "staff");
    const staff = { authorization: `Bearer ${key}` };
    const day = bookingDay();
    // The first request of a key looks it up; later ones find it remembered.
    await gqlData(server.url, Ping, {}, staff);

    const range = { calendarId: calendar.id, from: day, to: addDays(day, 1), timeZone: "UTC" };
    const slots = await measured(() => gqlData(server.url, Timeslots, range, staff));
    expect(slots.result.timeslots.__typename).toBe("QueryTimeslotsSuccess");
    const anonymousSlots = await measured(() => gqlData(server.url, Timeslots, range, {}));
    expect(anonymousSlots.result.timeslots.__typename).toBe("QueryTimeslotsSuccess");

    const hold = await measured(() =>
      gqlData(server.url, CreateHold, { input: { calendarId: calendar.id, start: at(day, "10:00") } }, staff),
    );
    if (hold.result.createHold.__typename !== "MutationCreateHoldSuccess") throw new Error("hold failed");
    const token = hold.result.createHold.data.token;

    const booking = await measured(() =>
      gqlData(server.url, BookAppointment, { input: { holdToken: token, patientId: patient.id } }, staff),
    );
    if (booking.result.bookAppointment.__typename !== "MutationBookAppointmentSuccess") throw new Error("book failed");
    const appointmentId = booking.result.bookAppointment.data.appointmentId;

    const cancel = await measured(() => gqlData(server.url, Cancel, { id: appointmentId }, staff));
    expect(cancel.result.cancelAppointment.__typename).toBe("MutationCancelAppointmentSuccess");

    expect({
      timeslots: slots.sql.length,
      anonymousTimeslots: anonymousSlots.sql.length,
      hold: hold.sql.length,
      book: booking.sql.length,
      cancel: cancel.sql.length,
    }).toEqual({ timeslots: 3, anonymousTimeslots: 3, hold: 7, book: 19, cancel: 8 });
  });
});
