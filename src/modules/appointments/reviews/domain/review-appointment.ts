import { isUniqueViolation } from "../../../../db/errors.js";
import type { Prisma } from "../../../../db/prisma.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../../errors.js";
import type { AppointmentReview } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";

export interface ReviewAppointment {
  appointmentId: string;
  /** 1 (poor) to 5 (excellent). */
  rating: number;
  comment?: string | null;
}

/**
 * The patient a review is written by: a patient-role actor (a signed-in patient, or an owner or
 * admin acting as one). Staff and API keys: ForbiddenError. Callers may check it before opening
 * a transaction; {@link reviewAppointment} checks it again.
 */
export function reviewingPatientId(actor: Pick<Actor, "scope">): string {
  const patientId = actor.scope.role === "patient" ? actor.scope.patientId : null;
  if (!patientId) throw new ForbiddenError("Only the appointment's patient may review it");
  return patientId;
}

/**
 * The patient rates their own done appointment, once. Another patient's appointment is not
 * found; one not done, or already reviewed (the unique index decides, even under races), is a
 * ConflictError. Audited as `appointment_review.create`.
 */
export async function reviewAppointment(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: ReviewAppointment,
): Promise<Audited<AppointmentReview>> {
  const patientId = reviewingPatientId(actor);
  // Row-level security shows a patient only their own appointments: anyone else's is not found.
  const appointment = await tx.appointment.findUnique({ where: { id: input.appointmentId } });
  if (!appointment || appointment.patientId !== patientId) throw new NotFoundError("Appointment");
  if (appointment.status !== "done") {
    throw new ConflictError(`Only a done appointment can be reviewed; this one is ${appointment.status}`);
  }
  const review = await tx.appointmentReview
    .create({
      data: {
        organizationId: appointment.organizationId,
        appointmentId: appointment.id,
        patientId,
        specialistId: appointment.specialistId,
        rating: input.rating,
        comment: input.comment || null,
      },
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) throw new ConflictError("This appointment has already been reviewed");
      throw error;
    });
  return {
    value: review,
    audit: {
      action: "appointment_review.create",
      entityType: "AppointmentReview",
      entityId: review.id,
      after: review,
    },
  };
}
