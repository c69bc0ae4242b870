import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { emitEvent } from "../../../events/index.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { completeStep, requiredSteps } from "./onboarding.js";
import { lockLivePatient } from "./patients.js";

export interface CompleteOnboardingStep {
  patientId: string;
  step: string;
}

/** Marks one of the organization's onboarding steps done; the patient becomes active (`patient.onboarded`) with the last one. */
export async function completeOnboardingStep(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  input: CompleteOnboardingStep,
) {
  const before = await lockLivePatient(tx, input.patientId);
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: before.organizationId } });
  const change = completeStep(before, requiredSteps(organization.settings), input.step, new Date());
  const after = await tx.patient.update({ where: { id: before.id }, data: change });
  if (after.onboardedAt && !before.onboardedAt) {
    await emitEvent(tx, after.organizationId, "patient.onboarded", {
      patientId: encodeGlobalID("Patient", after.id),
      onboardedAt: after.onboardedAt.toISOString(),
    });
  }
  return {
    value: after,
    audit: { action: "patient.complete_onboarding_step", entityType: "Patient", entityId: after.id, before, after },
  } satisfies Audited<typeof after>;
}
