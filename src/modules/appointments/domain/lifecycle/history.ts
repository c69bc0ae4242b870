import type { Prisma } from "../../../../db/prisma.js";
import type { AppointmentActor, AppointmentStatus } from "../../../../generated/prisma/client.js";

export interface HistoryStep {
  /** Null for the booking itself. */
  fromStatus: AppointmentStatus | null;
  toStatus: AppointmentStatus;
  actor: AppointmentActor;
  actorUserId: string | null;
  reason?: string | null;
  /** Reschedules: the time the appointment left. */
  previousStartAt?: Date;
  previousEndAt?: Date;
  occurredAt?: Date;
}

/** Appends one step to an appointment's history, in the transaction that took it. */
export function recordHistory(
  tx: Prisma.TransactionClient,
  appointment: { id: string; organizationId: string },
  step: HistoryStep,
) {
  return tx.appointmentHistory.createMany({
    data: { organizationId: appointment.organizationId, appointmentId: appointment.id, ...step },
  });
}
