import type { PatientStatus } from "../../../generated/prisma/enums.js";
import { builder } from "../../../graphql/builder.js";

export const PatientStatusEnum = builder.enumType("PatientStatus", {
  description: "Onboarding progress: invited (nothing done yet) → onboarding (some steps done) → active.",
  values: ["invited", "onboarding", "active"] as const satisfies readonly PatientStatus[],
});
