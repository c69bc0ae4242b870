import { ConflictError, ForbiddenError, NotFoundError } from "../../../../errors.js";
import { builder } from "../../../../graphql/builder.js";
import { memberRoles } from "../../../../identity/roles.js";
import { audited } from "../../../../operation/audited.js";
import { reviewAppointment, reviewingPatientId } from "../domain/review-appointment.js";
import { AppointmentReviewRef } from "../types/appointment-review.type.js";
import { ReviewAppointmentInput } from "../types/review-appointment-input.js";

builder.mutationField("reviewAppointment", (t) =>
  t.field({
    type: AppointmentReviewRef,
    description:
      "The patient rates their own done appointment, once. Staff and API keys get ForbiddenError; an appointment not done, or already reviewed, ConflictError.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: { input: t.arg({ type: ReviewAppointmentInput }) },
    resolve: (_root, { input }, ctx) => {
      // Refused before any transaction opens; reviewAppointment checks it again.
      reviewingPatientId(ctx);
      return audited(ctx, (tx, actor) =>
        reviewAppointment(tx, actor, {
          appointmentId: input.appointmentId.id,
          rating: input.rating,
          comment: input.comment,
        }),
      );
    },
  }),
);
