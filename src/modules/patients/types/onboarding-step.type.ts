import { builder } from "../../../graphql/builder.js";
import type { OnboardingStep } from "../domain/onboarding.js";

export const OnboardingStepRef = builder.objectRef<OnboardingStep>("OnboardingStep").implement({
  description: "One step of a patient's onboarding checklist.",
  fields: (t) => ({
    step: t.exposeString("step"),
    required: t.exposeBoolean("required", {
      description: "Whether the organization requires it now (false: completed, then removed from its settings).",
    }),
    completedAt: t.expose("completedAt", { type: "DateTime", nullable: true }),
  }),
});
