import { beforeAll, describe, expect, it } from "vitest";
import { advanceAppointment } from "../../src/modules/appointments/tasks/advance-appointment.task.js";
import { graphql } from "../generated/gql.js";
import { updateOrganizationSettings } from "../patients/fixtures.js";
import { holdSlot, startsOf } from "../scheduling/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { describeCrossTenant, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { CancelAppointment, RescheduleAppointment } from "./documents.js";
import {
  Appointment,
  activePatient,
  addDays,
  appointmentEvents,
  at,
  book,
  bookingDay,
  clinicCalendar,
  patientMember,
  slotAt,
} from "./fixtures.js";

const Confirm = graphql(`
  mutation LifecycleConfirm($id: ID!) {
    confirmAppointment(id: $id) {
      __typename
      ... on MutationConfirmAppointmentSuccess { data { id status } }
      ... on Error { code message }
      ... on InvalidTransitionError { from to }
    }
  }
`);
const Start = graphql(`
  mutation LifecycleStart($id: ID!) {
    startAppointment(id: $id) {
      __typename
      ... on MutationStartAppointmentSuccess { data { id status startedAt } }
      ... on Error { code message }
      ... on InvalidTransitionError { from to }
    }
  }
`);
const Complete = graphql(`
  mutation LifecycleComplete($id: ID!) {
    completeAppointment(id: $id) {
      __typename
      ... on MutationCompleteAppointmentSuccess { data { id status completedAt } }
      ... on Error { code message }
      ... on InvalidTransitionError { from to }
    }
  }
`);
const NoShow = graphql(`
  mutation LifecycleNoShow($id: ID!) {
    markAppointmentNoShow(id: $id) {
      __typename
      ... on MutationMarkAppointmentNoShowSuccess { data { id status } }
      ... on Error { code message }
      ... on InvalidTransitionError { from to }
    }
  }
`);
const server = useTestServer();
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization("Lifecycle clinic");
});

const day = bookingDay(8);
const window = (calendarId: string) => ({ calendarId, from: day, to: addDays(day, 1), timeZone: "UTC" });

/** A booked appointment of a new calendar at `time` on the test day, for a new active patient. */
async function booked(time = "10:00") {
  const calendar = await clinicCalendar(server, org);
  const patient = await activePatient(server.url, org);
  const booking = await book(
    server.url,
    { calendarId: calendar.id, start: at(day, time), patientId: patient.id },
    org.owner,
  );
  return { calendar, patient, id: booking.appointmentId };
}

const statusOf = async (id: string) =>
  (await server.services.adminDb.appointment.findUniqueOrThrow({ where: { id: uuidOf(id) } })).status;

/** Runs one job of the lifecycle task now, as the worker would. */
const runAdvance = (id: string, to: "upcoming" | "no_show") =>
  advanceAppointment.run(
    { appointmentId: uuidOf(id), organizationId: uuidOf(org.id), to },
    { services: server.services, log: server.services.log, jobId: "test", attempts: 1 },
  );

/** Moves an appointment in time with the owner connection (jobs compare with the clock). */
async function moveTo(id: string, startAt: Date, minutes = 30) {
  await server.services.adminDb.appointment.update({
    where: { id: uuidOf(id) },
    data: { startAt, endAt: new Date(startAt.getTime() + minutes * 60_000) },
  });
}

describe("the state machine", () => {
  it("goes booked → upcoming → in_progress → done, recording each step and emitting its event", async () => {
    const { id } = await booked();
    expect((await gqlData(server.url, Confirm, { id }, org.owner)).confirmAppointment).toMatchObject({
      data: { status: "upcoming" },
    });
    expect((await gqlData(server.url, Start, { id }, org.owner)).startAppointment).toMatchObject({
      data: { status: "in_progress" },
    });
    const done = await gqlData(server.url, Complete, { id }, org.owner);
    expect(done.completeAppointment).toMatchObject({ data: { status: "done" } });
    const { appointment } = await gqlData(server.url, Appointment, { id }, org.owner);
    expect(appointment?.history.map((h) => [h.fromStatus, h.toStatus, h.actor])).toEqual([
      [null, "booked", "staff"],
      ["booked", "upcoming", "staff"],
      ["upcoming", "in_progress", "staff"],
      ["in_progress", "done", "staff"],
    ]);
    expect((await appointmentEvents(server, id)).map((e) => e.type)).toEqual([
      "appointment.booked",
      "appointment.first_booked",
      "appointment.confirmed",
      "appointment.started",
      "appointment.done",
    ]);
  });

  it("refuses illegal transitions with a typed error and changes nothing", async () => {
    const { id } = await booked("11:00");
    const early = await gqlData(server.url, Complete, { id }, org.owner);
    expect(early.completeAppointment).toMatchObject({
      __typename: "InvalidTransitionError",
      code: "INVALID_TRANSITION",
      from: "booked",
      to: "done",
    });
    const noShow = await gqlData(server.url, NoShow, { id }, org.owner);
    expect(noShow.markAppointmentNoShow).toMatchObject({ __typename: "InvalidTransitionError", to: "no_show" });
    await gqlData(server.url, CancelAppointment, { id, reason: "Patient called" }, org.owner);
    const again = await gqlData(server.url, Confirm, { id }, org.owner);
    expect(again.confirmAppointment).toMatchObject({ __typename: "InvalidTransitionError", from: "cancelled" });
    expect(await statusOf(id)).toBe("cancelled");
    const { appointment } = await gqlData(server.url, Appointment, { id }, org.owner);
    expect(appointment?.history).toHaveLength(2);
    expect((await appointmentEvents(server, id)).map((e) => e.type)).toEqual([
      "appointment.booked",
      "appointment.first_booked",
      "appointment.cancelled",
    ]);
  });

  it("lets only staff start, complete or mark a no-show", async () => {
    const calendar = await clinicCalendar(server, org);
    const me = await patientMember(server.url, org);
    const mine = await book(server.url, { calendarId: calendar.id, start: at(day, "12:00") }, me.headers);
    const result = await gql(server.url, Start, { id: mine.appointmentId }, me.headers);
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await statusOf(mine.appointmentId)).toBe("booked");
    expect(
      (await gqlData(server.url, Confirm, { id: mine.appointmentId }, me.headers)).confirmAppointment,
    ).toMatchObject({
      data: { status: "upcoming" },
    });
  });
});

describe("cancellation", () => {
  it("frees the time and records who cancelled and why", async () => {
    const { id, calendar } = await booked("13:00");
    expect(await startsOf(server.url, window(calendar.id), org.owner)).not.toContain(slotAt(day, "13:00"));
    const cancelled = await gqlData(server.url, CancelAppointment, { id, reason: "Feeling better" }, org.owner);
    expect(cancelled.cancelAppointment).toMatchObject({
      data: { status: "cancelled", cancelledBy: "staff", cancellationReason: "Feeling better" },
    });
    expect(await startsOf(server.url, window(calendar.id), org.owner)).toContain(slotAt(day, "13:00"));
    const [event] = await appointmentEvents(server, id, ["appointment.cancelled"]);
    expect(event?.data).toMatchObject({ status: "cancelled", reason: "Feeling better", cancelledBy: "staff" });
  });

  it("lets a patient cancel their own appointment only up to the notice window; staff any time", async () => {
    const calendar = await clinicCalendar(server, org);
    const me = await patientMember(server.url, org);
    const early = await book(server.url, { calendarId: calendar.id, start: at(day, "09:00") }, me.headers);
    const late = await book(server.url, { calendarId: calendar.id, start: at(day, "09:30") }, me.headers);
    const cancelled = await gqlData(server.url, CancelAppointment, { id: early.appointmentId }, me.headers);
    expect(cancelled.cancelAppointment).toMatchObject({ data: { status: "cancelled", cancelledBy: "patient" } });

    await updateOrganizationSettings(server.url, org, { cancellationNoticeHours: 720 });
    try {
      const refused = await gqlData(server.url, CancelAppointment, { id: late.appointmentId }, me.headers);
      expect(refused.cancelAppointment).toMatchObject({ __typename: "InvalidTransitionError", from: "booked" });
      expect((refused.cancelAppointment as { message: string }).message).toMatch(/720 hours/);
      expect(await statusOf(late.appointmentId)).toBe("booked");
      const byStaff = await gqlData(server.url, CancelAppointment, { id: late.appointmentId }, org.owner);
      expect(byStaff.cancelAppointment).toMatchObject({ data: { status: "cancelled", cancelledBy: "staff" } });
    } finally {
      await updateOrganizationSettings(server.url, org, { cancellationNoticeHours: 24 });
    }
  });

  it("a patient cannot touch another patient's appointment", async () => {
    const { id } = await booked("14:00");
    const me = await patientMember(server.url, org);
    const result = await gqlData(server.url, CancelAppointment, { id }, me.headers);
    expect(result.cancelAppointment).toMatchObject({ __typename: "NotFoundError" });
    expect(await statusOf(id)).toBe("booked");
  });
});

describe("rescheduling", () => {
  it("moves the appointment to a held slot atomically, keeping its id and the old time in its history", async () => {
    const { id, calendar } = await booked("15:00");
    const hold = await holdSlot(server.url, { calendarId: calendar.id, start: at(day, "16:00") }, org.owner);
    const moved = await gqlData(server.url, RescheduleAppointment, { id, input: { holdToken: hold.token } }, org.owner);
    expect(moved.rescheduleAppointment).toMatchObject({
      data: { id, status: "booked", start: at(day, "16:00"), end: at(day, "16:30"), rescheduleCount: 1 },
    });
    const starts = await startsOf(server.url, window(calendar.id), org.owner);
    expect(starts).toContain(slotAt(day, "15:00"));
    expect(starts).not.toContain(slotAt(day, "16:00"));
    const { appointment } = await gqlData(server.url, Appointment, { id }, org.owner);
    expect(appointment?.history.at(-1)).toMatchObject({
      fromStatus: "booked",
      toStatus: "booked",
      previousStart: at(day, "15:00"),
      previousEnd: at(day, "15:30"),
    });
    const [event] = await appointmentEvents(server, id, ["appointment.rescheduled"]);
    expect(event?.data).toMatchObject({ startsAt: at(day, "16:00"), previousStartsAt: at(day, "15:00") });
    const jobs = await server.services.adminDb.$queryRaw<{ run_at: Date }[]>`
      SELECT run_at FROM graphile_worker.jobs WHERE key = ${`appointment:${uuidOf(id)}:upcoming`}`;
    expect(jobs.map((j) => j.run_at.toISOString())).toEqual([
      new Date(Date.parse(at(day, "16:00")) - 24 * 3_600_000).toISOString(),
    ]);
  });

  it("moves to a start without a hold, and refuses another calendar's hold or a final appointment", async () => {
    const { id } = await booked("09:00");
    const moved = await gqlData(
      server.url,
      RescheduleAppointment,
      { id, input: { start: at(day, "09:30") } },
      org.owner,
    );
    expect(moved.rescheduleAppointment).toMatchObject({ data: { start: at(day, "09:30") } });

    const other = await clinicCalendar(server, org);
    const foreignHold = await holdSlot(server.url, { calendarId: other.id, start: at(day, "10:00") }, org.owner);
    const wrongCalendar = await gqlData(
      server.url,
      RescheduleAppointment,
      { id, input: { holdToken: foreignHold.token } },
      org.owner,
    );
    expect(wrongCalendar.rescheduleAppointment).toMatchObject({ __typename: "ValidationError" });

    await gqlData(server.url, CancelAppointment, { id }, org.owner);
    const final = await gqlData(
      server.url,
      RescheduleAppointment,
      { id, input: { start: at(day, "11:00") } },
      org.owner,
    );
    expect(final.rescheduleAppointment).toMatchObject({ __typename: "InvalidTransitionError", from: "cancelled" });
  });

  it("answers SlotUnavailable for a taken time and leaves the appointment where it was", async () => {
    const first = await booked("10:00");
    const patient = await activePatient(server.url, org);
    const second = await book(
      server.url,
      { calendarId: first.calendar.id, start: at(day, "11:00"), patientId: patient.id },
      org.owner,
    );
    const result = await gqlData(
      server.url,
      RescheduleAppointment,
      { id: first.id, input: { start: at(day, "11:00") } },
      org.owner,
    );
    expect(result.rescheduleAppointment).toMatchObject({ __typename: "SlotUnavailableError" });
    expect((await gqlData(server.url, Appointment, { id: first.id }, org.owner)).appointment?.start).toBe(
      at(day, "10:00"),
    );
    expect(await statusOf(second.appointmentId)).toBe("booked");
  });
});

describe("time-based transitions", () => {
  it("make a booked appointment upcoming once within the reminder window, and not before", async () => {
    const { id } = await booked("10:30");
    await runAdvance(id, "upcoming");
    expect(await statusOf(id)).toBe("booked");
    await moveTo(id, new Date(Date.now() + 3 * 3_600_000));
    await runAdvance(id, "upcoming");
    expect(await statusOf(id)).toBe("upcoming");
    const { appointment } = await gqlData(server.url, Appointment, { id }, org.owner);
    expect(appointment?.history.at(-1)).toMatchObject({ fromStatus: "booked", toStatus: "upcoming", actor: "system" });
    expect((await appointmentEvents(server, id, ["appointment.confirmed"])).length).toBe(1);
  });

  it("make an appointment never started a no-show after its end, but leave a started one alone", async () => {
    const missed = await booked("11:30");
    const started = await booked("12:30");
    await gqlData(server.url, Start, { id: started.id }, org.owner);
    const past = new Date(Date.now() - 2 * 3_600_000);
    await moveTo(missed.id, past);
    await moveTo(started.id, new Date(past.getTime() - 3_600_000));
    await runAdvance(missed.id, "no_show");
    await runAdvance(started.id, "no_show");
    expect(await statusOf(missed.id)).toBe("no_show");
    expect(await statusOf(started.id)).toBe("in_progress");
    expect((await appointmentEvents(server, missed.id, ["appointment.no_show"])).length).toBe(1);
    const audit = await server.services.adminDb.auditLog.findFirst({
      where: { entityId: uuidOf(missed.id), action: "appointment.no_show" },
    });
    expect(audit).toMatchObject({ actorUserId: null, organizationId: uuidOf(org.id) });
  });
});

describe("cross-tenant", () => {
  let id: string;
  let other: TestOrganization;
  beforeAll(async () => {
    ({ id } = await booked("16:30"));
    other = await server.createOrganization("Nosy clinic");
  });

  describeCrossTenant("another organization cannot confirm, cancel, start or reschedule an appointment", {
    server,
    as: () => other.owner,
    unchanged: async () => expect(await statusOf(id)).toBe("booked"),
    operations: [
      operation(Confirm, () => ({ id }), notFound()),
      operation(CancelAppointment, () => ({ id }), notFound()),
      operation(Start, () => ({ id }), notFound()),
      operation(RescheduleAppointment, () => ({ id, input: { start: at(day, "09:00") } }), notFound()),
    ],
  });
});

describe("bad input", () => {
  it("refuses an over-long reason, a reschedule naming no slot, and a malformed id", async () => {
    const { id } = await booked("16:00");
    const long = await gqlData(server.url, CancelAppointment, { id, reason: "x".repeat(501) }, org.owner);
    expect(long.cancelAppointment).toMatchObject({ __typename: "ValidationError" });
    const nowhere = await gqlData(server.url, RescheduleAppointment, { id, input: {} }, org.owner);
    expect(nowhere.rescheduleAppointment).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "start"] }],
    });
    expect(await statusOf(id)).toBe("booked");
    const malformed = await v1(server.url, "POST", "/v1/appointments/not-an-id/confirm", org.owner);
    expect(malformed).toMatchObject({ status: 400, body: { error: { code: "BAD_REQUEST" } } });
  });
});
