import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { emitEvent } from "../../../events/index.js";
import type { Appointment, AppointmentStatus } from "../../../generated/prisma/client.js";

/** The event each status change emits (`booked` is emitted by booking itself). */
const eventOfStatus = {
  upcoming: "appointment.confirmed",
  in_progress: "appointment.started",
  done: "appointment.done",
  no_show: "appointment.no_show",
} as const satisfies Partial<Record<AppointmentStatus, string>>;

/** An appointment as every appointment.* event describes it (global ids, ISO instants). */
export function appointmentEventData(appointment: Appointment) {
  return {
    appointmentId: encodeGlobalID("Appointment", appointment.id),
    status: appointment.status,
    patientId: appointment.patientId ? encodeGlobalID("Patient", appointment.patientId) : null,
    specialistId: encodeGlobalID("Specialist", appointment.specialistId),
    serviceId: encodeGlobalID("Service", appointment.serviceId),
    calendarId: encodeGlobalID("Calendar", appointment.calendarId),
    startsAt: appointment.startAt.toISOString(),
    endsAt: appointment.endAt.toISOString(),
  };
}

/** Emits the event of an appointment's new status, in the transaction that changed it. */
export function emitStatusEvent(tx: Prisma.TransactionClient, appointment: Appointment) {
  const data = appointmentEventData(appointment);
  if (appointment.status === "cancelled") {
    return emitEvent(tx, appointment.organizationId, "appointment.cancelled", {
      ...data,
      reason: appointment.cancellationReason,
      cancelledBy: appointment.cancelledBy ?? "system",
    });
  }
  const type = eventOfStatus[appointment.status as keyof typeof eventOfStatus];
  if (!type) throw new Error(`No event for appointment status ${appointment.status}`);
  return emitEvent(tx, appointment.organizationId, type, data);
}
