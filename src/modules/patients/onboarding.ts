import { z } from "zod";
import { ConflictError, InvalidTransitionError, ValidationError } from "../../errors.js";
import type { PatientStatus } from "../../generated/prisma/enums.js";
import { onboardingSettings } from "./settings.js";

/** A completed step as stored in `patients.onboarding_steps`, in the order they were completed (a JSON value). */
export type CompletedStep = { step: string; completedAt: string };

/** One line of a patient's onboarding checklist. */
export interface OnboardingStep {
  step: string;
  required: boolean;
  completedAt: Date | null;
}

const completedSteps = z.array(z.object({ step: z.string(), completedAt: z.iso.datetime() }));

/** The steps the organization requires before a patient is active, in its order. */
export function requiredSteps(settings: unknown): string[] {
  return onboardingSettings.parse(settings).onboardingSteps;
}

/** Where a new patient starts: active at once when the organization requires no step, otherwise invited. */
export function initialOnboarding(required: string[], now: Date): { status: PatientStatus; onboardedAt: Date | null } {
  return required.length === 0 ? { status: "active", onboardedAt: now } : { status: "invited", onboardedAt: null };
}

/**
 * Records `step` as completed at `now`: the patient moves to onboarding, and to active once every
 * required step is done. Completing a step after onboarding has finished, a step the
 * organization does not require, or a step already done are refused.
 */
export function completeStep(
  patient: { status: PatientStatus; onboardingSteps: unknown },
  required: string[],
  step: string,
  now: Date,
): { status: PatientStatus; onboardingSteps: CompletedStep[]; onboardedAt: Date | null } {
  if (patient.status === "active") {
    throw new InvalidTransitionError("Patient", "active", "onboarding", "its onboarding is finished");
  }
  if (!required.includes(step)) {
    const expected = required.length ? `one of ${required.join(", ")}` : "none: the organization requires no step";
    throw new ValidationError([
      { path: ["step"], message: `is not an onboarding step of the organization (${expected})` },
    ]);
  }
  const done = completedSteps.parse(patient.onboardingSteps);
  if (done.some((d) => d.step === step)) throw new ConflictError(`The onboarding step "${step}" is already completed`);
  const onboardingSteps = [...done, { step, completedAt: now.toISOString() }];
  const finished = required.every((r) => onboardingSteps.some((d) => d.step === r));
  return { status: finished ? "active" : "onboarding", onboardingSteps, onboardedAt: finished ? now : null };
}

/** The organization's steps in its order with their completion time, then steps done that it no longer requires. */
export function onboardingChecklist(required: string[], stored: unknown): OnboardingStep[] {
  const done = new Map(completedSteps.parse(stored).map((d) => [d.step, new Date(d.completedAt)]));
  return [
    ...required.map((step) => ({ step, required: true, completedAt: done.get(step) ?? null })),
    ...[...done]
      .filter(([step]) => !required.includes(step))
      .map(([step, completedAt]) => ({ step, required: false, completedAt })),
  ];
}
