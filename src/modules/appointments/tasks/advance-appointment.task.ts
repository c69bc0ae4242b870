import { z } from "zod";
import { defineTask } from "../../../jobs/task.js";
import { systemAudit } from "../../../operation/audited.js";
import { changeStatus, lockAppointment } from "../domain/lifecycle/change-status.js";
import { changeableStatuses, lifecycleTimes } from "../domain/lifecycle/transitions.js";
import { appointmentSettings } from "../settings.js";

/**
 * The time-based transitions: `booked` → `upcoming` once within the organization's reminder
 * window, and `booked`/`upcoming` → `no_show` once the end (plus a grace period) has passed
 * without the visit starting. Queued for those instants when an appointment is booked or
 * moved; a job that finds the appointment elsewhere in its life, or not yet due, does nothing.
 */
export const advanceAppointment = defineTask({
  identifier: "advance_appointment",
  payload: z.object({ appointmentId: z.uuid(), organizationId: z.uuid(), to: z.enum(["upcoming", "no_show"]) }),
  async run({ appointmentId, organizationId, to }, { services, log }) {
    await services.adminDb.$transaction(async (tx) => {
      const appointment = await lockAppointment(tx, appointmentId);
      if (!appointment || appointment.organizationId !== organizationId) return;
      const { reminderWindowHours } = await appointmentSettings.read(tx, organizationId);
      const { upcomingAt, noShowAt } = lifecycleTimes(appointment, reminderWindowHours);
      const now = new Date();
      const due =
        to === "upcoming"
          ? appointment.status === "booked" && upcomingAt <= now
          : changeableStatuses.includes(appointment.status) && noShowAt <= now;
      if (!due)
        return log.info({ appointmentId, to, status: appointment.status }, "appointment not due; nothing to do");
      const updated = await changeStatus(tx, appointment, to, { actor: "system", actorUserId: null, now });
      await systemAudit(tx, organizationId, {
        action: `appointment.${to}`,
        entityType: "Appointment",
        entityId: appointmentId,
        before: { status: appointment.status },
        after: { status: updated.status },
      });
    });
  },
});
