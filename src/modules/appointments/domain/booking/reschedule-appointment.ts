import { afterCommit } from "../../../../after-commit.js";
import type { RequestDatabase } from "../../../../db/tenant.js";
import { InvalidTransitionError, NotFoundError, ValidationError } from "../../../../errors.js";
import { emitEvent } from "../../../../events/index.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import { audited } from "../../../../operation/audited.js";
import { announceCalendarChange } from "../../../scheduling/index.js";
import { appointmentSettings } from "../../settings.js";
import { scheduleVideoRoom } from "../../video/domain/schedule-video-room.js";
import { announceAppointmentTime } from "../announce-appointment-time.js";
import { appointmentEventData } from "../appointment-events.js";
import { lockVisibleAppointment, memberActor } from "../lifecycle/change-status.js";
import { recordHistory } from "../lifecycle/history.js";
import { scheduleLifecycleJobs } from "../lifecycle/lifecycle-jobs.js";
import { assertPatientMayChange, changeableStatuses } from "../lifecycle/transitions.js";
import { consumingHold, holdBuffers, placedHoldAudit } from "./booking-hold.js";
import { type BookingDeps, bookingOperation } from "./booking-operation.js";
import { type SlotChoice, slotChoice } from "./slot-choice.js";

export interface RescheduleRequest {
  /** The appointment to move. */
  id: string;
  /** A live hold of the caller's on the appointment's calendar... */
  holdToken?: string | null;
  /** ...or a slot of that calendar to hold now (unset specialist: a free one, fairly). */
  start?: Date | null;
  specialistId?: string | null;
}

/** What rescheduling works in: the reads (the appointment's calendar) and the write transaction. */
export type RescheduleDatabase = Pick<RequestDatabase, "db" | "transaction">;

/**
 * Moves a booked or upcoming appointment to the time of a hold of the same calendar (the
 * caller's, or one placed now), atomically: the appointment keeps its id and becomes `booked`
 * at the new time, its history keeps the time it left, its lifecycle jobs move with it, and
 * `appointment.rescheduled` is emitted. The database refuses an overlap as for booking. Staff
 * any time; the patient within the cancellation notice window.
 */
export async function rescheduleAppointment(
  database: RescheduleDatabase,
  actor: Actor,
  request: RescheduleRequest,
  deps: BookingDeps,
): Promise<Appointment> {
  const { id } = request;
  const slot = await rescheduleSlot(database, request);
  const changedBy = memberActor(actor);
  const operation = bookingOperation(database, actor, deps);
  let previous: Appointment | undefined;
  const { value: moved, hold } = await consumingHold(operation, slot, (hold, placedNow) =>
    audited(operation, async (tx) => {
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
      if (changedBy === "patient") assertPatientMayChange(before, "booked", now, settings.cancellationNoticeHours);
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
        actor: changedBy,
        actorUserId: actor.scope.userId,
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
  await announceAppointmentTime(deps.services, "APPOINTMENT_RESCHEDULED", left);
  await afterCommit(deps.log, "announce the new time", () =>
    announceCalendarChange(deps.services, {
      reason: "APPOINTMENT_RESCHEDULED",
      specialistId: hold.specialistId,
      start: hold.start,
      end: hold.end,
    }),
  );
  return moved;
}

/**
 * The slot a reschedule goes to: the hold named, or `start` (+ specialist) on the appointment's
 * own calendar, read first (NotFoundError when the caller cannot see the appointment).
 */
async function rescheduleSlot(database: RescheduleDatabase, request: RescheduleRequest): Promise<SlotChoice> {
  const calendar = request.holdToken
    ? null
    : await database.db.appointment.findUnique({ where: { id: request.id }, select: { calendarId: true } });
  if (!request.holdToken && !calendar) throw new NotFoundError("Appointment");
  return slotChoice({ ...request, calendarId: calendar?.calendarId ?? null });
}
