import { builder } from "../../../graphql/builder.js";

export const PatientServicePlanStatusEnum = builder.enumType("PatientServicePlanStatus", {
  values: ["active", "exhausted", "expired", "cancelled"] as const,
});
