import { afterCommit } from "../../../../after-commit.js";
import { InvalidTransitionError, ValidationError } from "../../../../errors.js";
import { emitEvent } from "../../../../events/index.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Context } from "../../../../graphql/context.js";
import { audited } from "../../../../operation/audited.js";
import { announceCalendarChange } from "../../../scheduling/index.js";
import { appointmentSettings } from "../../settings.js";
import { scheduleVideoRoom } from "../../video/domain/schedule-video-room.js";
import { announceAppointmentTime } from "../announce-appointment-time.js";
import { appointmentEventData } from "../appointment-events.js";
import { lockVisibleAppointment } from "../lifecycle/change-status.js";
import { recordHistory } from "../lifecycle/history.js";
import { scheduleLifecycleJobs } from "../lifecycle/lifecycle-jobs.js";
import { assertPatientMayChange } from "../lifecycle/member-change.js";
import { changeableStatuses } from "../lifecycle/transitions.js";
import { memberActor } from "./booker.js";
import { consumingHold, holdBuffers, placedHoldAudit, type SlotChoice } from "./booking-hold.js";

/**
 * Moves a booked or upcoming appointment to the time of a hold of the same calendar (the
 * caller's, or one placed now), atomically: the appointment keeps its id and becomes `booked`
 * at the new time, its history keeps the time it left, its lifecycle jobs move with it, and
 * `appointment.rescheduled` is emitted. The database refuses an overlap as for booking. Staff
 * any time; the patient within the cancellation notice window.
 */
export async function rescheduleAppointment(ctx: Context, id: string, slot: SlotChoice): Promise<Appointment> {
  const actor = memberActor(ctx);
  let previous: Appointment | undefined;
  const { value: moved, hold } = await consumingHold(ctx, slot, (hold, placedNow) =>
    audited(ctx, async (tx) => {
      const before = await lockVisibleAppointment(tx, id);
      previous = before;
      if (hold.calendarId !== before.calendarId) {
        throw new ValidationError([{ path: ["input", "calendarId"], message: "must be the appointment's calendar" }]);
      }
      if (!changeableStatuses.includes(before.status)) {
        throw new InvalidTransitionError(
          "Appointment",
          before.status,
          "booked",
          `a ${before.status} appointment cannot move`,
        );
      }
      const now = new Date();
      const settings = await appointmentSettings.read(tx, before.organizationId);
      if (actor === "patient") assertPatientMayChange(before, "booked", now, settings.cancellationNoticeHours);
      const after = await tx.appointment.update({
        where: { id },
        data: {
          status: "booked",
          specialistId: hold.specialistId,
          startAt: new Date(hold.slotStart),
          endAt: new Date(hold.slotEnd),
          ...holdBuffers(hold),
          rescheduleCount: { increment: 1 },
        },
      });
      await recordHistory(tx, before, {
        fromStatus: before.status,
        toStatus: "booked",
        actor,
        actorUserId: ctx.scope.userId,
        previousStartAt: before.startAt,
        previousEndAt: before.endAt,
        occurredAt: now,
      });
      await scheduleLifecycleJobs(tx, after, settings.reminderWindowHours);
      // The job replaces a room made for the old time (and does nothing for other services).
      await scheduleVideoRoom(tx, after);
      await emitEvent(tx, before.organizationId, "appointment.rescheduled", {
        ...appointmentEventData(after),
        previousStartsAt: before.startAt.toISOString(),
        previousEndsAt: before.endAt.toISOString(),
      });
      return {
        value: after,
        audit: {
          action: "appointment.reschedule",
          entityType: "Appointment",
          entityId: id,
          before,
          after: { ...after, ...placedHoldAudit(hold, placedNow) },
        },
      };
    }),
  );
  const left = previous as Appointment;
  await announceAppointmentTime(ctx.services, "APPOINTMENT_RESCHEDULED", left);
  await afterCommit(ctx.log, "announce the new time", () =>
    announceCalendarChange(ctx.services, {
      reason: "APPOINTMENT_RESCHEDULED",
      specialistId: hold.specialistId,
      start: hold.start,
      end: hold.end,
    }),
  );
  return moved;
}
