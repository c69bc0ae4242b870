import type { Prisma } from "../../../../db/prisma.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import { enqueueAll, job } from "../../../../jobs/enqueue.js";
import { advanceAppointment } from "../../tasks/advance-appointment.task.js";
import { lifecycleTimes } from "./transitions.js";

/**
 * Queues the time-based transitions of an appointment, in the transaction that booked or moved
 * it: one job key per appointment and transition, so moving it replaces its jobs.
 */
export async function scheduleLifecycleJobs(
  tx: Prisma.TransactionClient,
  appointment: Pick<Appointment, "id" | "organizationId" | "startAt" | "endAt">,
  reminderWindowHours: number,
) {
  const { upcomingAt, noShowAt } = lifecycleTimes(appointment, reminderWindowHours);
  const payload = { appointmentId: appointment.id, organizationId: appointment.organizationId };
  await enqueueAll(tx, [
    job(
      advanceAppointment,
      { ...payload, to: "upcoming" },
      { runAt: upcomingAt, jobKey: `appointment:${appointment.id}:upcoming` },
    ),
    job(
      advanceAppointment,
      { ...payload, to: "no_show" },
      { runAt: noShowAt, jobKey: `appointment:${appointment.id}:no_show` },
    ),
  ]);
}
