import { afterCommit } from "../../../../after-commit.js";
import { isUniqueViolation } from "../../../../db/errors.js";
import type { Prisma } from "../../../../db/prisma.js";
import { ConflictError, NotFoundError, ValidationError } from "../../../../errors.js";
import { emitEvent } from "../../../../events/index.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Context } from "../../../../graphql/context.js";
import { audited } from "../../../../operation/audited.js";
import {
  announceCalendarChange,
  assertMayBook,
  type Hold,
  inCalendarScope,
  SlotUnavailableError,
} from "../../../scheduling/index.js";
import { HoldExpiredError, OnboardingIncompleteError } from "../../errors.js";
import { appointmentSettings } from "../../settings.js";
import { scheduleVideoRoom } from "../../video/domain/schedule-video-room.js";
import { appointmentEventData } from "../appointment-events.js";
import { recordHistory } from "../lifecycle/history.js";
import { scheduleLifecycleJobs } from "../lifecycle/lifecycle-jobs.js";
import { type Booker, bookerIn } from "./booker.js";
import { consumingHold, holdBuffers, placedHoldAudit, type SlotChoice } from "./booking-hold.js";
import { bookingPatient, type PatientContact } from "./booking-patient.js";
import { consumeBookingSession } from "./booking-plan-session.js";

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
export async function bookAppointment(ctx: Context, request: BookingRequest): Promise<Appointment> {
  const key = request.idempotencyKey ?? null;
  const calendarHint = key ? await calendarOfRequest(ctx, request.slot) : null;
  if (key) {
    const replay = await findByIdempotencyKey(ctx, calendarHint, key);
    if (replay) return replay;
  }
  let booked: { value: Appointment; hold: Hold };
  try {
    booked = await consumingHold(ctx, request.slot, (hold, placedNow) =>
      inCalendarScope<Appointment>(ctx, hold.calendarId, (scope) => {
        const booker = bookerIn(ctx, scope.organizationId as string);
        return audited<Appointment>(ctx, (tx) => writeBooking(ctx, tx, booker, hold, request, placedNow), booker.scope);
      }),
    );
  } catch (error) {
    // A twin request with the same key may have booked the time (or consumed the hold) meanwhile.
    const lostToTwin = error instanceof SlotUnavailableError || error instanceof HoldExpiredError;
    if (key && (lostToTwin || isUniqueViolation(error))) {
      const replay = await findByIdempotencyKey(ctx, calendarHint, key);
      if (replay) return replay;
    }
    if (isUniqueViolation(error)) throw new ConflictError("The booking clashed with a concurrent change; try again");
    throw error;
  }
  const { value: appointment, hold } = booked;
  await afterCommit(ctx.log, "announce the booked time", () =>
    announceCalendarChange(ctx.services, {
      reason: "APPOINTMENT_BOOKED",
      specialistId: hold.specialistId,
      calendarIds: [hold.calendarId],
      start: hold.start,
      end: hold.end,
    }),
  );
  return appointment;
}

async function writeBooking(
  ctx: Context,
  tx: Prisma.TransactionClient,
  booker: Booker,
  hold: Hold,
  request: BookingRequest,
  placedNow: boolean,
) {
  const calendar = await bookingCalendar(tx, hold.calendarId);
  assertMayBook(ctx, calendar);
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
      bookedByUserId: ctx.scope.userId,
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
    actorUserId: ctx.scope.userId,
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

/** What booking reads of a calendar, its service and its organization, in one statement; null when hidden. */
async function bookingCalendar(tx: Prisma.TransactionClient, calendarId: string) {
  const [row] = await tx.$queryRaw<
    {
      id: string;
      organization_id: string;
      service_id: string;
      active: boolean;
      slug: string | null;
      requires_plan_session: boolean;
      telehealth: boolean;
      settings: unknown;
    }[]
  >`SELECT c.id, c.organization_id, c.service_id, c.active, c.slug, s.requires_plan_session,
      s.delivery_mode = 'telehealth' AS telehealth, o.settings
    FROM calendars c JOIN services s ON s.id = c.service_id JOIN organizations o ON o.id = c.organization_id
    WHERE c.id = ${calendarId}::uuid`;
  return row
    ? {
        id: row.id,
        organizationId: row.organization_id,
        serviceId: row.service_id,
        active: row.active,
        slug: row.slug,
        requiresPlanSession: row.requires_plan_session,
        telehealth: row.telehealth,
        settings: appointmentSettings.parse(row.settings),
      }
    : null;
}

/** The add-ons asked for, each an active add-on of the service (else ValidationError), without repeats. */
async function offeredAddOns(tx: Prisma.TransactionClient, serviceId: string, requested: string[]) {
  const addOnServiceIds = [...new Set(requested)];
  if (!addOnServiceIds.length) return addOnServiceIds;
  const offered = await tx.serviceAddOn.findMany({
    where: { serviceId, addOnServiceId: { in: addOnServiceIds }, addOn: { active: true } },
    select: { addOnServiceId: true },
  });
  const known = new Set(offered.map((a) => a.addOnServiceId));
  const unknown = addOnServiceIds.findIndex((id) => !known.has(id));
  if (unknown >= 0) {
    throw new ValidationError([
      { path: ["input", "addOnServiceIds", String(unknown)], message: "is not an add-on of this service" },
    ]);
  }
  return addOnServiceIds;
}

/** The calendar a booking request is for, when it can be told before booking (for idempotent replays). */
async function calendarOfRequest(ctx: Context, slot: SlotChoice): Promise<string | null> {
  if ("calendarId" in slot) return slot.calendarId;
  return (await ctx.services.holds.get(slot.holdToken))?.calendarId ?? null;
}

/**
 * The appointment an idempotency key already booked, in the organization the request books in:
 * the calendar's (when known and visible to the caller), else the caller's own.
 */
async function findByIdempotencyKey(ctx: Context, calendarId: string | null, key: string) {
  const find = async (organizationId: string | null) =>
    organizationId
      ? ctx.database.transaction(bookerIn(ctx, organizationId).scope, (tx) =>
          tx.appointment.findUnique({
            where: { organizationId_idempotencyKey: { organizationId, idempotencyKey: key } },
          }),
        )
      : null;
  if (!calendarId) return find(ctx.scope.organizationId);
  try {
    return await inCalendarScope(ctx, calendarId, (scope) => find(scope.organizationId));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
