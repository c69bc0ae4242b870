import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { anonymousAt, holdSlot, startsOf } from "../scheduling/fixtures.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { describeCrossTenant, empty, notFound, operation } from "../support/cross-tenant.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import {
  Appointment,
  activePatient,
  addDays,
  appointmentEvents,
  at,
  BookAppointment,
  book,
  bookingDay,
  clinicCalendar,
  patientMember,
  slotAt,
  type TestCalendarOf,
} from "./fixtures.js";

const HoldByToken = graphql(`
  query AppointmentsHoldByToken($token: String!) { hold(token: $token) { token } }
`);

const server = useTestServer();
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Booking clinic");
});

const day = bookingDay();
const window = (calendarId: string) => ({ calendarId, from: day, to: addDays(day, 1), timeZone: "UTC" });

describe("booking from a hold", () => {
  it("turns the caller's hold into a booked appointment and consumes the hold", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const hold = await holdSlot(server.url, { calendarId: calendar.id, start: at(day, "10:00") }, org.owner);

    const booking = await book(
      server.url,
      { holdToken: hold.token, patientId: patient.id, notes: "First visit" },
      org.owner,
    );

    expect(booking).toMatchObject({
      status: "booked",
      start: at(day, "10:00"),
      end: at(day, "10:30"),
      onboardingIncomplete: false,
      appointment: {
        id: booking.appointmentId,
        source: "staff",
        specialist: { id: calendar.specialistIds[0] },
        patient: { id: patient.id },
      },
    });
    expect((await gqlData(server.url, HoldByToken, { token: hold.token }, org.owner)).hold).toBeNull();
    const starts = await startsOf(server.url, window(calendar.id), org.owner);
    expect(starts).toContain(slotAt(day, "10:30"));
    expect(starts).not.toContain(slotAt(day, "10:00"));
    const { appointment } = await gqlData(server.url, Appointment, { id: booking.appointmentId }, org.owner);
    expect(appointment?.history).toEqual([
      { fromStatus: null, toStatus: "booked", actor: "staff", reason: null, previousStart: null, previousEnd: null },
    ]);
  });

  it("emits appointment.booked, and appointment.first_booked for a patient's first appointment only", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const first = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id },
      org.owner,
    );
    const second = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "11:00"), patientId: patient.id },
      org.owner,
    );
    expect((await appointmentEvents(server, first.appointmentId)).map((e) => e.type)).toEqual([
      "appointment.booked",
      "appointment.first_booked",
    ]);
    expect((await appointmentEvents(server, second.appointmentId)).map((e) => e.type)).toEqual(["appointment.booked"]);
    const [booked] = await appointmentEvents(server, first.appointmentId, ["appointment.booked"]);
    expect(booked?.data).toMatchObject({
      status: "booked",
      patientId: patient.id,
      specialistId: calendar.specialistIds[0],
      calendarId: calendar.id,
      serviceId: calendar.serviceId,
      startsAt: at(day, "09:00"),
      endsAt: at(day, "09:30"),
    });
  });

  it("queues the reminder-window and no-show transitions for their instants", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const booking = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "13:00"), patientId: patient.id },
      org.owner,
    );
    const id = uuidOf(booking.appointmentId);
    const jobs = await server.services.adminDb.$queryRaw<{ key: string; run_at: Date }[]>`
      SELECT key, run_at FROM graphile_worker.jobs WHERE key LIKE ${`appointment:${id}:%`} ORDER BY key`;
    expect(jobs.map((j) => [j.key, j.run_at.toISOString()])).toEqual([
      [`appointment:${id}:no_show`, new Date(Date.parse(at(day, "13:30")) + 15 * 60_000).toISOString()],
      [`appointment:${id}:upcoming`, new Date(Date.parse(at(day, "13:00")) - 24 * 3_600_000).toISOString()],
    ]);
  });

  it("answers HoldExpired for a released or unknown hold, and SlotUnavailable for someone else's", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const unknown = await gqlData(
      server.url,
      BookAppointment,
      { input: { holdToken: "00000000-0000-4000-8000-000000000000", patientId: patient.id } },
      org.owner,
    );
    expect(unknown.bookAppointment).toMatchObject({ __typename: "HoldExpiredError", code: "HOLD_EXPIRED" });

    const staff = await server.addMember(org, "staff");
    const theirs = await holdSlot(server.url, { calendarId: calendar.id, start: at(day, "14:00") }, staff.headers);
    const foreign = await gqlData(
      server.url,
      BookAppointment,
      { input: { holdToken: theirs.token, patientId: patient.id } },
      org.owner,
    );
    expect(foreign.bookAppointment).toMatchObject({ __typename: "SlotUnavailableError", code: "SLOT_UNAVAILABLE" });
    // The foreign hold is untouched: its owner still books it.
    await book(server.url, { holdToken: theirs.token, patientId: patient.id }, staff.headers);
  });

  it("refuses input that names neither a hold nor a slot, or both", async () => {
    const patient = await activePatient(server.url, org);
    const neither = await gqlData(server.url, BookAppointment, { input: { patientId: patient.id } }, org.owner);
    expect(neither.bookAppointment).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "calendarId"] }],
    });
    const calendar = await clinicCalendar(server, org);
    const both = await gqlData(
      server.url,
      BookAppointment,
      { input: { holdToken: "x", calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id } },
      org.owner,
    );
    expect(both.bookAppointment).toMatchObject({ __typename: "ValidationError" });
  });
});

describe("booking without a hold", () => {
  it("assigns the free specialists fairly when none is chosen", async () => {
    const calendar = await clinicCalendar(server, org, { specialists: 2 });
    const assigned: string[] = [];
    for (let i = 0; i < 2; i++) {
      const patient = await activePatient(server.url, org);
      const booking = await book(
        server.url,
        { calendarId: calendar.id, start: at(day, "15:00"), patientId: patient.id },
        org.owner,
      );
      assigned.push(booking.appointment?.specialist.id as string);
    }
    expect(assigned.sort()).toEqual([...calendar.specialistIds].sort());
    const third = await gqlData(
      server.url,
      BookAppointment,
      {
        input: {
          calendarId: calendar.id,
          start: at(day, "15:00"),
          patientId: (await activePatient(server.url, org)).id,
        },
      },
      org.owner,
    );
    expect(third.bookAppointment.__typename).toBe("SlotUnavailableError");
    const tracked = await server.services.adminDb.specialistAssignmentTracking.count({
      where: { calendarId: uuidOf(calendar.id) },
    });
    expect(tracked).toBe(2);
  });

  it("refuses a time that is not a slot", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const result = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "09:10"), patientId: patient.id } },
      org.owner,
    );
    expect(result.bookAppointment.__typename).toBe("SlotUnavailableError");
  });
});

describe("idempotency", () => {
  it("answers a retry with the same key with the same appointment", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const key = unique("retry");
    const hold = await holdSlot(server.url, { calendarId: calendar.id, start: at(day, "10:00") }, org.owner);
    const first = await book(
      server.url,
      { holdToken: hold.token, patientId: patient.id, idempotencyKey: key },
      org.owner,
    );
    const retry = await book(
      server.url,
      { holdToken: hold.token, patientId: patient.id, idempotencyKey: key },
      org.owner,
    );
    expect(retry.appointmentId).toBe(first.appointmentId);
    const direct = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "10:00"), patientId: patient.id, idempotencyKey: key },
      org.owner,
    );
    expect(direct.appointmentId).toBe(first.appointmentId);
    expect(await server.services.adminDb.appointment.count({ where: { idempotencyKey: key } })).toBe(1);
  });

  it("books once when concurrent requests share a key", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const key = unique("concurrent");
    const input = { calendarId: calendar.id, start: at(day, "11:30"), patientId: patient.id, idempotencyKey: key };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => gqlData(server.url, BookAppointment, { input }, org.owner)),
    );
    const ids = new Set(
      results.flatMap((r) =>
        r.bookAppointment.__typename === "MutationBookAppointmentSuccess" ? [r.bookAppointment.data.appointmentId] : [],
      ),
    );
    expect(ids.size).toBe(1);
    // A twin still in flight may lose the slot to its own key; once it committed, retries get it.
    for (const r of results) {
      expect(["MutationBookAppointmentSuccess", "SlotUnavailableError"]).toContain(r.bookAppointment.__typename);
    }
    const retry = await book(server.url, input, org.owner);
    expect(ids).toEqual(new Set([retry.appointmentId]));
    expect(await server.services.adminDb.appointment.count({ where: { idempotencyKey: key } })).toBe(1);
  });
});

describe("who books", () => {
  it("a patient books for themselves, never for another patient", async () => {
    const calendar = await clinicCalendar(server, org);
    const me = await patientMember(server.url, org);
    const other = await activePatient(server.url, org);
    const mine = await book(server.url, { calendarId: calendar.id, start: at(day, "09:00") }, me.headers);
    expect(mine.appointment).toMatchObject({ source: "patient", patient: { id: me.patientId } });
    const forOther = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "10:00"), patientId: other.id } },
      me.headers,
    );
    expect(forOther.bookAppointment).toMatchObject({ __typename: "NotFoundError", entity: "Patient" });
  });

  it("a widget visitor books a published calendar with contact details; the email finds the same patient again", async () => {
    const calendar = await clinicCalendar(server, org);
    const visitor = anonymousAt("203.0.113.40");
    const email = `${unique("visitor")}@example.com`;
    const contact = { firstName: "Wanda", lastName: "Widget", email };
    const hold = await holdSlot(server.url, { calendarId: calendar.id, start: at(day, "12:00") }, visitor);
    const booking = await book(server.url, { holdToken: hold.token, contact }, visitor);
    expect(booking).toMatchObject({ status: "booked", start: at(day, "12:00"), appointment: null });
    const again = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "16:00"), contact: { ...contact, email: email.toUpperCase() } },
      visitor,
    );
    const rows = await server.services.adminDb.appointment.findMany({
      where: { id: { in: [uuidOf(booking.appointmentId), uuidOf(again.appointmentId)] } },
    });
    expect(rows.map((r) => r.source)).toEqual(["widget", "widget"]);
    expect(new Set(rows.map((r) => r.patientId)).size).toBe(1);
    const patient = await server.services.adminDb.patient.findUniqueOrThrow({
      where: { id: rows[0]?.patientId as string },
    });
    expect(patient).toMatchObject({ firstName: "Wanda", email });
  });

  it("a widget visitor must give contact details", async () => {
    const calendar = await clinicCalendar(server, org);
    const result = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "09:30") } },
      anonymousAt("203.0.113.41"),
    );
    expect(result.bookAppointment).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "contact"] }],
    });
  });

  it("staff must name the patient", async () => {
    const calendar = await clinicCalendar(server, org);
    const result = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "09:30") } },
      org.owner,
    );
    expect(result.bookAppointment).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "patientId"] }],
    });
    expect(await startsOf(server.url, window(calendar.id), org.owner)).toContain(slotAt(day, "09:30"));
  });
});

describe("cross-tenant", () => {
  let other: TestOrganization;
  let calendar: TestCalendarOf;
  let theirCalendar: TestCalendarOf;
  let patient: { id: string };
  let booked: { appointmentId: string };

  beforeAll(async () => {
    other = await server.createOrganization("Other clinic");
    calendar = await clinicCalendar(server, org, { calendar: { slug: null } });
    patient = await activePatient(server.url, org);
    booked = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id },
      org.owner,
    );
    theirCalendar = await clinicCalendar(server, other);
  });

  describeCrossTenant(
    "another organization's member can neither book an unpublished calendar, use its patients, nor read its appointments",
    {
      server,
      as: () => other.owner,
      operations: [
        operation(
          BookAppointment,
          () => ({ input: { calendarId: calendar.id, start: at(day, "10:00"), patientId: patient.id } }),
          notFound("Calendar"),
          "on an unpublished calendar",
        ),
        operation(
          BookAppointment,
          () => ({ input: { calendarId: theirCalendar.id, start: at(day, "10:00"), patientId: patient.id } }),
          notFound("Patient"),
          "for the other organization's patient",
        ),
        operation(Appointment, () => ({ id: booked.appointmentId }), empty),
      ],
    },
  );

  it("a member of another organization books a published calendar as a widget visitor, seeing no appointment data", async () => {
    const other = await server.createOrganization("Visitor clinic");
    const calendar = await clinicCalendar(server, org);
    const booking = await book(
      server.url,
      {
        calendarId: calendar.id,
        start: at(day, "14:30"),
        contact: { firstName: "Otto", lastName: "Other", email: `${unique("otto")}@example.com` },
      },
      other.owner,
    );
    expect(booking.appointment).toBeNull();
    const row = await server.services.adminDb.appointment.findUniqueOrThrow({
      where: { id: uuidOf(booking.appointmentId) },
    });
    expect(row).toMatchObject({ organizationId: uuidOf(org.id), source: "widget" });
  });
});
