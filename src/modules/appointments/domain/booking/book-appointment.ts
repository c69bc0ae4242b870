import { afterCommit } from "../../../../after-commit.js";
import { isUniqueViolation } from "../../../../db/errors.js";
import type { Prisma } from "../../../../db/prisma.js";
import { ConflictError } from "../../../../errors.js";
import { emitEvent } from "../../../../events/index.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Actor, Operation } from "../../../../operation/actor.js";
import { audited } from "../../../../operation/audited.js";
import {
  announceCalendarChange,
  assertMayBook,
  type Hold,
  inCalendarScope,
  SlotUnavailableError,
} from "../../../scheduling/index.js";
import { HoldExpiredError, OnboardingIncompleteError } from "../../errors.js";
import { scheduleVideoRoom } from "../../video/domain/schedule-video-room.js";
import { appointmentEventData } from "../appointment-events.js";
import { recordHistory } from "../lifecycle/history.js";
import { scheduleLifecycleJobs } from "../lifecycle/lifecycle-jobs.js";
import { type Booker, bookerIn } from "./booker.js";
import { bookingCalendar, offeredAddOns } from "./booking-calendar.js";
import { consumingHold, holdBuffers, placedHoldAudit } from "./booking-hold.js";
import { type BookingDeps, bookingOperation } from "./booking-operation.js";
import { bookingPatient, type PatientContact } from "./booking-patient.js";
import { consumeBookingSession } from "./booking-plan-session.js";
import { calendarOfRequest, findByIdempotencyKey } from "./idempotency.js";
import type { SlotChoice } from "./slot-choice.js";

export interface BookingRequest {
  slot: SlotChoice;
  patientId?: string | null;
  contact?: PatientContact | null;
  addOnServiceIds?: string[] | null;
  notes?: string | null;
  patientServicePlanId?: string | null;
  idempotencyKey?: string | null;
}

/**
 * Books an appointment from a hold (the caller's, or one placed now for `calendarId + start`).
 * In one transaction: the patient (named, self, or found/created by a widget), the onboarding
 * gate, add-ons, a plan session when one is used, the appointment row (the exclusion constraint
 * refuses any overlap with the specialist's other appointments, whatever Redis says), its
 * history, lifecycle jobs, events and audit row. After commit the hold is consumed and live
 * timeslots are told. A retry with the same idempotency key answers the same appointment.
 */
export async function bookAppointment(
  database: Operation["database"],
  actor: Actor,
  request: BookingRequest,
  deps: BookingDeps,
): Promise<Appointment> {
  const operation = bookingOperation(database, actor, deps);
  const key = request.idempotencyKey ?? null;
  const calendarHint = key ? await calendarOfRequest(operation, request.slot) : null;
  if (key) {
    const replay = await findByIdempotencyKey(operation, calendarHint, key);
    if (replay) return replay;
  }
  let booked: { value: Appointment; hold: Hold };
  try {
    booked = await consumingHold(operation, request.slot, (hold, placedNow) =>
      inCalendarScope<Appointment>(operation, hold.calendarId, (scope) => {
        const booker = bookerIn(actor, scope.organizationId as string);
        return audited<Appointment>(
          operation,
          (tx) => writeBooking(tx, actor, booker, hold, request, placedNow),
          booker.scope,
        );
      }),
    );
  } catch (error) {
    // A twin request with the same key may have booked the time (or consumed the hold) meanwhile.
    const lostToTwin = error instanceof SlotUnavailableError || error instanceof HoldExpiredError;
    if (key && (lostToTwin || isUniqueViolation(error))) {
      const replay = await findByIdempotencyKey(operation, calendarHint, key);
      if (replay) return replay;
    }
    if (isUniqueViolation(error)) throw new ConflictError("The booking clashed with a concurrent change; try again");
    throw error;
  }
  const { value: appointment, hold } = booked;
  await afterCommit(deps.log, "announce the booked time", () =>
    announceCalendarChange(deps.services, {
      reason: "APPOINTMENT_BOOKED",
      specialistId: hold.specialistId,
      calendarIds: [hold.calendarId],
      start: hold.start,
      end: hold.end,
    }),
  );
  return appointment;
}

/**
 * The booking's transaction, in the calendar's organization as `booker`. `actor` is the caller as
 * it came (its own scope decides whether it may book the calendar), not the booker's scope.
 */
async function writeBooking(
  tx: Prisma.TransactionClient,
  actor: Actor,
  booker: Booker,
  hold: Hold,
  request: BookingRequest,
  placedNow: boolean,
) {
  const calendar = await bookingCalendar(tx, hold.calendarId);
  assertMayBook(actor, calendar);
  const { organizationId, settings } = calendar;
  const patient = await bookingPatient(tx, booker, request);
  const onboardingIncomplete = patient.status !== "active";
  if (onboardingIncomplete && settings.firstBookingWithoutOnboarding === "refuse")
    throw new OnboardingIncompleteError();
  const addOnServiceIds = await offeredAddOns(tx, calendar.serviceId, request.addOnServiceIds ?? []);
  const earlier = await tx.appointment.findFirst({ where: { patientId: patient.id }, select: { id: true } });
  const patientServicePlanId = await consumeBookingSession(tx, {
    patientId: patient.id,
    serviceId: calendar.serviceId,
    patientServicePlanId: request.patientServicePlanId,
    required: calendar.requiresPlanSession,
  });
  const appointment = await tx.appointment.create({
    data: {
      organizationId,
      calendarId: calendar.id,
      serviceId: calendar.serviceId,
      specialistId: hold.specialistId,
      patientId: patient.id,
      startAt: new Date(hold.slotStart),
      endAt: new Date(hold.slotEnd),
      ...holdBuffers(hold),
      source: booker.source,
      bookedByUserId: actor.scope.userId,
      notes: request.notes ?? null,
      onboardingIncomplete,
      patientServicePlanId,
      idempotencyKey: request.idempotencyKey ?? null,
    },
  });
  if (addOnServiceIds.length) {
    await tx.appointmentAddOn.createMany({
      data: addOnServiceIds.map((serviceId) => ({ organizationId, appointmentId: appointment.id, serviceId })),
    });
  }
  await recordHistory(tx, appointment, {
    fromStatus: null,
    toStatus: "booked",
    actor: booker.actor,
    actorUserId: actor.scope.userId,
  });
  await scheduleLifecycleJobs(tx, appointment, settings.reminderWindowHours);
  if (calendar.telehealth) await scheduleVideoRoom(tx, appointment);
  const event = appointmentEventData(appointment);
  await emitEvent(tx, organizationId, "appointment.booked", event);
  if (!earlier) await emitEvent(tx, organizationId, "appointment.first_booked", event);
  return {
    value: appointment,
    audit: {
      action: "appointment.book",
      entityType: "Appointment",
      entityId: appointment.id,
      after: { ...appointment, addOnServiceIds, ...placedHoldAudit(hold, placedNow) },
    },
  };
}
