import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError } from "../../../../errors.js";
import type { Appointment, AppointmentActor, AppointmentStatus } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { restorePlanSession } from "../../../plans/index.js";
import { scheduleVideoRoomDeletion } from "../../video/domain/schedule-video-room.js";
import { emitStatusEvent } from "../appointment-events.js";
import { recordHistory } from "./history.js";
import { assertTransition } from "./transitions.js";

/** The appointment row, locked until the transaction ends; null when row-level security hides it. */
export async function lockAppointment(tx: Prisma.TransactionClient, id: string): Promise<Appointment | null> {
  const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM appointments WHERE id = ${id}::uuid FOR UPDATE`;
  return row ? tx.appointment.findUniqueOrThrow({ where: { id } }) : null;
}

export interface StatusChange {
  actor: AppointmentActor;
  actorUserId: string | null;
  reason?: string | null;
  now?: Date;
}

/**
 * Moves a (locked) appointment to `to` if the lifecycle allows it: records the step in its
 * history and emits its event in the same transaction; a cancelled appointment gives its plan
 * session back; a finished one (cancelled, done, no-show) has its video room deleted. Throws InvalidTransitionError (nothing changes) otherwise.
 */
export async function changeStatus(
  tx: Prisma.TransactionClient,
  appointment: Appointment,
  to: AppointmentStatus,
  change: StatusChange,
): Promise<Appointment> {
  assertTransition(appointment.status, to);
  const now = change.now ?? new Date();
  const updated = await tx.appointment.update({
    where: { id: appointment.id },
    data: {
      status: to,
      ...(to === "cancelled" && {
        cancelledAt: now,
        cancelledBy: change.actor,
        cancellationReason: change.reason ?? null,
      }),
      ...(to === "in_progress" && { startedAt: now }),
      ...(to === "done" && { completedAt: now }),
    },
  });
  await recordHistory(tx, appointment, {
    fromStatus: appointment.status,
    toStatus: to,
    actor: change.actor,
    actorUserId: change.actorUserId,
    reason: change.reason ?? null,
    occurredAt: now,
  });
  if (to === "cancelled" && appointment.patientServicePlanId) {
    await restorePlanSession(tx, appointment.patientServicePlanId, appointment.serviceId);
  }
  if (to === "cancelled" || to === "done" || to === "no_show") await scheduleVideoRoomDeletion(tx, updated);
  await emitStatusEvent(tx, updated);
  return updated;
}

/** {@link lockAppointment}, throwing NotFoundError for a hidden or missing appointment. */
export async function lockVisibleAppointment(tx: Prisma.TransactionClient, id: string): Promise<Appointment> {
  const appointment = await lockAppointment(tx, id);
  if (!appointment) throw new NotFoundError("Appointment");
  return appointment;
}

/** Who a member's change to an appointment is recorded as: its patient, or the staff. */
export const memberActor = (actor: Pick<Actor, "scope">): "patient" | "staff" =>
  actor.scope.role === "patient" ? "patient" : "staff";

/** A member's status change: which appointment, to what, why, and the audit row's action. */
export interface MemberStatusChange {
  id: string;
  to: AppointmentStatus;
  /** `appointment.<verb>`, e.g. `appointment.cancel`. */
  action: string;
  reason?: string | null;
  now: Date;
  /** The verb's own rule on the locked appointment (a patient's notice, a no-show's start), before anything changes. */
  check?: (before: Appointment) => Promise<void> | void;
}

/**
 * A status change asked for by a member: staff, or the appointment's patient (row-level security
 * shows them only their own). Locks the appointment (NotFoundError when hidden), applies the
 * verb's check, then {@link changeStatus}; answers the appointment with its audit row.
 */
export async function memberStatusChange(
  tx: Prisma.TransactionClient,
  actor: Actor,
  change: MemberStatusChange,
): Promise<Audited<Appointment>> {
  const before = await lockVisibleAppointment(tx, change.id);
  await change.check?.(before);
  const after = await changeStatus(tx, before, change.to, {
    actor: memberActor(actor),
    actorUserId: actor.scope.userId,
    reason: change.reason ?? null,
    now: change.now,
  });
  return {
    value: after,
    audit: { action: change.action, entityType: "Appointment", entityId: change.id, before, after },
  };
}
