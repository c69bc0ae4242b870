import { beforeAll, describe, expect, it } from "vitest";
import { createPatient, requireOnboardingSteps, updateOrganizationSettings } from "../patients/fixtures.js";
import { createService } from "../scheduling/fixtures.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import {
  activePatient,
  at,
  BookAppointment,
  book,
  bookingDay,
  clinicCalendar,
  type TestCalendarOf,
} from "./fixtures.js";

const server = useTestServer();
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Rules clinic");
});

const day = bookingDay(10);
const admin = () => server.services.adminDb;

/** A plan of the patient with `sessions` sessions of the calendar's service; the plan's global id. */
async function planWithSessions(calendar: TestCalendarOf, patientId: string, sessions: number) {
  const organizationId = uuidOf(org.id);
  const servicePlan = await admin().servicePlan.create({
    data: { organizationId, name: unique("Plan"), price: 10_000, currency: "EUR", validityDays: 90 },
  });
  const plan = await admin().patientServicePlan.create({
    data: {
      organizationId,
      patientId: uuidOf(patientId),
      servicePlanId: servicePlan.id,
      price: 10_000,
      currency: "EUR",
      startsAt: new Date(Date.now() - 60_000),
      expiresAt: new Date(Date.now() + 90 * 86_400_000),
      balances: {
        create: {
          organizationId,
          serviceId: uuidOf(calendar.serviceId),
          sessionsIncluded: sessions,
          sessionsRemaining: sessions,
        },
      },
    },
  });
  return globalId("PatientServicePlan", plan.id);
}

const remaining = async (planId: string) =>
  (await admin().patientServicePlanBalance.findFirstOrThrow({ where: { patientServicePlanId: uuidOf(planId) } }))
    .sessionsRemaining;

describe("the onboarding gate", () => {
  it("accepts a first booking by a patient still onboarding, flagged, when the organization says flag", async () => {
    const clinic = await server.createOrganization("Flagging clinic");
    await requireOnboardingSteps(server.url, clinic, ["consent"]);
    const calendar = await clinicCalendar(server, clinic);
    const patient = await createPatient(server.url, clinic, { email: `${unique("new")}@example.com` });
    expect(patient.status).toBe("invited");
    const booking = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id },
      clinic.owner,
    );
    expect(booking).toMatchObject({ status: "booked", onboardingIncomplete: true });
  });

  it("refuses it with OnboardingIncomplete when the organization says refuse, and books nothing", async () => {
    const clinic = await server.createOrganization("Strict clinic");
    await updateOrganizationSettings(server.url, clinic, {
      onboardingSteps: ["consent"],
      firstBookingWithoutOnboarding: "refuse",
    });
    const calendar = await clinicCalendar(server, clinic);
    const patient = await createPatient(server.url, clinic, { email: `${unique("new")}@example.com` });
    const result = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id } },
      clinic.owner,
    );
    expect(result.bookAppointment).toMatchObject({
      __typename: "OnboardingIncompleteError",
      code: "ONBOARDING_INCOMPLETE",
    });
    expect(await admin().appointment.count({ where: { patientId: uuidOf(patient.id) } })).toBe(0);
    // The hold placed for the attempt was given back: once onboarded, the patient books that time.
    await admin().patient.update({
      where: { id: uuidOf(patient.id) },
      data: { status: "active", onboardedAt: new Date() },
    });
    await book(server.url, { calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id }, clinic.owner);
  });
});

describe("plan sessions", () => {
  it("consumes a session when the service requires one, refuses when none is left, and gives it back on cancellation", async () => {
    const calendar = await clinicCalendar(server, org);
    await admin().service.update({ where: { id: uuidOf(calendar.serviceId) }, data: { requiresPlanSession: true } });
    const patient = await activePatient(server.url, org);
    const none = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "10:00"), patientId: patient.id } },
      org.owner,
    );
    expect(none.bookAppointment).toMatchObject({ __typename: "ConflictError" });

    const planId = await planWithSessions(calendar, patient.id, 1);
    const booking = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "10:00"), patientId: patient.id },
      org.owner,
    );
    expect(booking.appointment?.patientServicePlan?.id).toBe(planId);
    expect(await remaining(planId)).toBe(0);
    const plan = await admin().patientServicePlan.findUniqueOrThrow({ where: { id: uuidOf(planId) } });
    expect(plan.status).toBe("exhausted");

    const exhausted = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "11:00"), patientId: patient.id } },
      org.owner,
    );
    expect(exhausted.bookAppointment).toMatchObject({ __typename: "ConflictError" });

    const cancelled = await v1(server.url, "POST", `/v1/appointments/${booking.appointmentId}/cancel`, org.owner, {
      reason: "Rebooking later",
    });
    expect(cancelled.status).toBe(200);
    expect(await remaining(planId)).toBe(1);
    expect((await admin().patientServicePlan.findUniqueOrThrow({ where: { id: uuidOf(planId) } })).status).toBe(
      "active",
    );
  });

  it("never goes below zero when bookings race for the last session", async () => {
    const calendar = await clinicCalendar(server, org, { specialists: 3 });
    await admin().service.update({ where: { id: uuidOf(calendar.serviceId) }, data: { requiresPlanSession: true } });
    const patient = await activePatient(server.url, org);
    const planId = await planWithSessions(calendar, patient.id, 1);
    const results = await Promise.all(
      ["12:00", "13:00", "14:00"].map((time) =>
        gqlData(
          server.url,
          BookAppointment,
          { input: { calendarId: calendar.id, start: at(day, time), patientId: patient.id } },
          org.owner,
        ),
      ),
    );
    expect(results.filter((r) => r.bookAppointment.__typename === "MutationBookAppointmentSuccess")).toHaveLength(1);
    expect(await remaining(planId)).toBe(0);
  });

  it("uses a named plan of the patient's only", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const someoneElse = await activePatient(server.url, org);
    const theirPlan = await planWithSessions(calendar, someoneElse.id, 3);
    const result = await gqlData(
      server.url,
      BookAppointment,
      {
        input: {
          calendarId: calendar.id,
          start: at(day, "15:00"),
          patientId: patient.id,
          patientServicePlanId: theirPlan,
        },
      },
      org.owner,
    );
    expect(result.bookAppointment).toMatchObject({ __typename: "NotFoundError", entity: "PatientServicePlan" });
    expect(await remaining(theirPlan)).toBe(3);
  });
});

describe("add-ons", () => {
  it("records the service's add-ons and refuses a service that is not one", async () => {
    const calendar = await clinicCalendar(server, org);
    const addOn = await createService(server, org, 15);
    const unrelated = await createService(server, org, 15);
    await admin().serviceAddOn.create({
      data: { organizationId: uuidOf(org.id), serviceId: uuidOf(calendar.serviceId), addOnServiceId: uuidOf(addOn) },
    });
    const patient = await activePatient(server.url, org);
    const booking = await book(
      server.url,
      { calendarId: calendar.id, start: at(day, "16:00"), patientId: patient.id, addOnServiceIds: [addOn] },
      org.owner,
    );
    expect(booking.appointment?.addOns).toEqual([{ id: addOn }]);
    const refused = await gqlData(
      server.url,
      BookAppointment,
      {
        input: {
          calendarId: calendar.id,
          start: at(day, "16:30"),
          patientId: patient.id,
          addOnServiceIds: [unrelated],
        },
      },
      org.owner,
    );
    expect(refused.bookAppointment).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "addOnServiceIds", "0"] }],
    });
  });
});

describe("/v1/appointments", () => {
  it("books with POST (201), replays an Idempotency-Key, and maps typed errors to statuses", async () => {
    const calendar = await clinicCalendar(server, org);
    const patient = await activePatient(server.url, org);
    const key = unique("v1-key");
    const body = { calendarId: calendar.id, start: at(day, "09:30"), patientId: patient.id };
    const first = await v1(server.url, "POST", "/v1/appointments", { ...org.owner, "idempotency-key": key }, body);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      status: "booked",
      appointment: { status: "booked", patient: { id: patient.id } },
    });
    const retry = await v1(server.url, "POST", "/v1/appointments", { ...org.owner, "idempotency-key": key }, body);
    expect(retry.status).toBe(201);
    expect(retry.body.appointmentId).toBe(first.body.appointmentId);

    const taken = await v1(server.url, "POST", "/v1/appointments", org.owner, body);
    expect(taken).toMatchObject({ status: 409, body: { error: { code: "SLOT_UNAVAILABLE" } } });
    const expired = await v1(server.url, "POST", "/v1/appointments", org.owner, {
      holdToken: "gone",
      patientId: patient.id,
    });
    expect(expired).toMatchObject({ status: 410, body: { error: { code: "HOLD_EXPIRED" } } });
    const invalid = await v1(server.url, "POST", "/v1/appointments", org.owner, { patientId: patient.id });
    expect(invalid).toMatchObject({ status: 422, body: { error: { code: "VALIDATION_FAILED" } } });

    const read = await v1(server.url, "GET", `/v1/appointments/${first.body.appointmentId}`, org.owner);
    expect(read).toMatchObject({ status: 200, body: { id: first.body.appointmentId, start: at(day, "09:30") } });
    const confirmed = await v1(server.url, "POST", `/v1/appointments/${first.body.appointmentId}/confirm`, org.owner);
    expect(confirmed).toMatchObject({ status: 200, body: { status: "upcoming" } });
    const done = await v1(server.url, "POST", `/v1/appointments/${first.body.appointmentId}/complete`, org.owner);
    expect(done).toMatchObject({ status: 409, body: { error: { code: "INVALID_TRANSITION" } } });
    const moved = await v1(server.url, "POST", `/v1/appointments/${first.body.appointmentId}/reschedule`, org.owner, {
      start: at(day, "10:30"),
    });
    expect(moved).toMatchObject({ status: 200, body: { start: at(day, "10:30"), rescheduleCount: 1 } });
  });
});
