import { z } from "zod";
import { organizationSettingsSection } from "../../settings/organization-settings.js";

/** Patients' part of the organization settings. */
export const onboardingSettings = organizationSettingsSection({
  /** Onboarding steps a patient completes before being active, in order. */
  onboardingSteps: z.array(z.string().trim().min(1).max(60)).max(20).default([]),
});
