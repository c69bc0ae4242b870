import { z } from "zod";
import { ConflictError, InvalidTransitionError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { completeOnboardingStep } from "../domain/complete-onboarding-step.js";
import { PatientRef } from "../types/patient.type.js";

builder.mutationField("completePatientOnboardingStep", (t) =>
  t.field({
    type: PatientRef,
    description:
      "Marks one of the organization's onboarding steps done for the patient (staff, or the patient themselves); the patient becomes active with the last one.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ConflictError, InvalidTransitionError] },
    args: {
      patientId: t.arg.globalID({ for: PatientRef }),
      step: t.arg.string({ validate: z.string().trim().min(1, { message: "must not be empty" }).max(60) }),
    },
    resolve: (_root, { patientId, step }, ctx) =>
      audited(ctx, (tx, actor) => completeOnboardingStep(tx, actor, { patientId: patientId.id, step })),
  }),
);
