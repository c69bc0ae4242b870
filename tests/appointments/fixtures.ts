import type { AppointmentStatus } from "../../src/generated/prisma/enums.js";
import { graphql } from "../generated/gql.js";
import type { BookAppointmentInput } from "../generated/graphql.js";
import { createPatient, linkPatientUser } from "../patients/fixtures.js";
import { type Api, addDays, calendarWith, nextWeekday, type TestCalendar, weekly } from "../scheduling/fixtures.js";
import { createSpecialist } from "../services/fixtures.js";
import { type Headers, type TestOrganization, unique } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
import { addMember } from "../support/members.js";
import type { TestServer } from "../support/server.js";

export type TestCalendarOf = TestCalendar;

export const BookAppointment = graphql(`
  mutation AppointmentsBook($input: BookAppointmentInput!) {
    bookAppointment(input: $input) {
      __typename
      ... on MutationBookAppointmentSuccess {
        data {
          appointmentId
          status
          start
          end
          onboardingIncomplete
          appointment { id status source specialist { id } patient { id } addOns { id } patientServicePlan { id } }
        }
      }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

/** Books, failing the test unless it succeeds; the booking. */
export async function book(url: string, input: BookAppointmentInput, headers: Headers) {
  const result = await gqlData(url, BookAppointment, { input }, headers);
  if (result.bookAppointment.__typename !== "MutationBookAppointmentSuccess") {
    throw new Error(`bookAppointment failed: ${JSON.stringify(result.bookAppointment)}`);
  }
  return result.bookAppointment.data;
}

/** A date a week or more ahead (UTC), and `HH:MM` on it as an ISO instant. */
export const bookingDay = (daysAhead = 7) => nextWeekday("WEDNESDAY", daysAhead);
export const at = (date: string, time: string) => `${date}T${time}:00.000Z`;
/** The same instant as timeslots write it in UTC. */
export const slotAt = (date: string, time: string) => `${date}T${time}:00+00:00`;
export { addDays };

/**
 * A published calendar (slug set) of `specialists` new specialists working 09:00–17:00 UTC every
 * day, 30-minute slots; `calendar` overrides calendar settings.
 */
export async function clinicCalendar(
  server: Api,
  org: TestOrganization,
  options: { specialists?: number; calendar?: Record<string, unknown>; durationMinutes?: number } = {},
) {
  return calendarWith(server, org, {
    calendar: { slug: unique("book"), slotIntervalMinutes: 30, ...options.calendar },
    durationMinutes: options.durationMinutes ?? 30,
    specialists: Array.from({ length: options.specialists ?? 1 }, () => ({ weeklyHours: weekly("09:00", "17:00") })),
  });
}

/** An active patient of the organization (created by its owner, who requires no onboarding step by default). */
export async function activePatient(url: string, org: TestOrganization, email = `${unique("pat")}@example.com`) {
  return createPatient(url, org, { email });
}

/** A patient-role member whose account is linked to a new patient record: their headers and patient id. */
export async function patientMember(url: string, org: TestOrganization) {
  const member = await addMember(url, org, "patient");
  const patient = await activePatient(url, org);
  await linkPatientUser(url, org, patient.id, member.userId);
  return { headers: member.headers, patientId: patient.id, userId: member.userId };
}

export const Appointment = graphql(`
  query AppointmentsAppointment($id: ID!) {
    appointment(id: $id) {
      id
      status
      start
      end
      cancelledBy
      cancellationReason
      rescheduleCount
      onboardingIncomplete
      specialist { id }
      history { fromStatus toStatus actor reason previousStart previousEnd }
    }
  }
`);

/** The organization's webhook events of `types` about an appointment (payload data), oldest first. */
export async function appointmentEvents(server: Api, appointmentId: string, types?: string[]) {
  const events = await server.services.adminDb.domainEvent.findMany({
    where: { type: types ? { in: types } : { startsWith: "appointment." } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  return events
    .filter((e) => (e.data as { appointmentId?: string }).appointmentId === appointmentId)
    .map((e) => ({ type: e.type, data: e.data as Record<string, unknown> }));
}

let hoursAhead = 24;

/**
 * An appointment of the organization, written with the owner connection (booking belongs to
 * the lifecycle's API, not to these tests): its own service and calendar, a new specialist
 * unless one is given, one hour after the previous one so none overlap.
 */
export async function createAppointment(
  server: TestServer,
  org: TestOrganization,
  options: { patientId?: string; specialistId?: string; status?: AppointmentStatus } = {},
) {
  const admin = server.services.adminDb;
  const organizationId = uuidOf(org.id);
  const service = await admin.service.create({
    data: {
      organizationId,
      name: unique("Physio"),
      durationMinutes: 30,
      deliveryMode: "in_clinic",
      billingModel: "session_based",
      currency: "EUR",
      pricePerSession: 5000,
    },
  });
  const calendar = await admin.calendar.create({
    data: { organizationId, serviceId: service.id, name: "Physio", slotIntervalMinutes: 30, timezone: "UTC" },
  });
  const specialistId = options.specialistId ?? (await createSpecialist(server, org));
  const startAt = new Date(Date.now() + hoursAhead++ * 3_600_000);
  const appointment = await admin.appointment.create({
    data: {
      organizationId,
      calendarId: calendar.id,
      serviceId: service.id,
      specialistId: uuidOf(specialistId),
      patientId: options.patientId ? uuidOf(options.patientId) : null,
      startAt,
      endAt: new Date(startAt.getTime() + 30 * 60_000),
      status: options.status ?? "booked",
    },
  });
  return { id: globalId("Appointment", appointment.id), specialistId };
}
