import { encodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";
import { ConflictError, InvalidTransitionError, NotFoundError } from "../../errors.js";
import { emitEvent } from "../../events/index.js";
import { builder } from "../../graphql/builder.js";
import { memberRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { completeStep, requiredSteps } from "./onboarding.js";
import { PatientRef } from "./patient.type.js";
import { lockLivePatient } from "./patients.js";

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
      audited(ctx, async (tx) => {
        const before = await lockLivePatient(tx, patientId.id);
        const organization = await tx.organization.findUniqueOrThrow({ where: { id: before.organizationId } });
        const change = completeStep(before, requiredSteps(organization.settings), step, new Date());
        const after = await tx.patient.update({ where: { id: before.id }, data: change });
        if (after.onboardedAt && !before.onboardedAt) {
          await emitEvent(tx, after.organizationId, "patient.onboarded", {
            patientId: encodeGlobalID("Patient", after.id),
            onboardedAt: after.onboardedAt.toISOString(),
          });
        }
        return {
          value: after,
          audit: {
            action: "patient.complete_onboarding_step",
            entityType: "Patient",
            entityId: after.id,
            before,
            after,
          },
        };
      }),
  }),
);
