import { z } from "zod";
import { isUniqueViolation } from "../../../../db/errors.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../../errors.js";
import { builder } from "../../../../graphql/builder.js";
import { memberRoles } from "../../../../identity/roles.js";
import { audited } from "../../../../operation/audited.js";
import { AppointmentRef } from "../../types/appointment.type.js";
import { AppointmentReviewRef } from "../types/appointment-review.type.js";

const ReviewAppointmentInput = builder.inputType("ReviewAppointmentInput", {
  fields: (t) => ({
    appointmentId: t.globalID({ for: AppointmentRef }),
    rating: t.int({
      description: "1 (poor) to 5 (excellent).",
      validate: z.number().int().min(1, { message: "must be 1 to 5" }).max(5, { message: "must be 1 to 5" }),
    }),
    comment: t.string({
      required: false,
      validate: z.string().trim().max(2000, { message: "must be at most 2000 characters" }).optional(),
    }),
  }),
});

builder.mutationField("reviewAppointment", (t) =>
  t.field({
    type: AppointmentReviewRef,
    description:
      "The patient rates their own done appointment, once. Staff and API keys get ForbiddenError; an appointment not done, or already reviewed, ConflictError.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: { input: t.arg({ type: ReviewAppointmentInput }) },
    resolve: (_root, { input }, ctx) => {
      const patientId = ctx.scope.role === "patient" ? ctx.scope.patientId : null;
      if (!patientId) throw new ForbiddenError("Only the appointment's patient may review it");
      return audited(ctx, async (tx) => {
        // Row-level security shows a patient only their own appointments: anyone else's is not found.
        const appointment = await tx.appointment.findUnique({ where: { id: input.appointmentId.id } });
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
      });
    },
  }),
);
