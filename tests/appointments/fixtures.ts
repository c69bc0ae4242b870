import type { AppointmentStatus } from "../../src/generated/prisma/enums.js";
import { createSpecialist, globalId, uuidOf } from "../services/fixtures.js";
import { type TestOrganization, unique } from "../support/auth.js";
import type { TestServer } from "../support/server.js";

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
