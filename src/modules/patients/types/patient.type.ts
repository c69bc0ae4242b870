import { builder } from "../../../graphql/builder.js";
import { fromDateColumn } from "../domain/date-column.js";
import { onboardingChecklist, requiredSteps } from "../domain/onboarding.js";
import { OnboardingStepRef } from "./onboarding-step.type.js";
import { PatientStatusEnum } from "./patient-status.enum.js";

export const PatientRef = builder.prismaNode("Patient", {
  nullable: true,
  id: { field: "id" },
  description: "A patient of the organization. A patient user sees only their own record.",
  fields: (t) => ({
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true, description: "E.164, e.g. +14155550123." }),
    dateOfBirth: t.string({
      nullable: true,
      description: "ISO date, e.g. 1990-04-23.",
      resolve: (patient) => (patient.dateOfBirth ? fromDateColumn(patient.dateOfBirth) : null),
    }),
    timezone: t.exposeString("timezone", { description: "IANA time zone, e.g. Europe/Lisbon." }),
    locale: t.exposeString("locale"),
    status: t.expose("status", { type: PatientStatusEnum }),
    onboardingSteps: t.field({
      type: [OnboardingStepRef],
      description: "The organization's onboarding steps in order, with when this patient completed each.",
      select: { onboardingSteps: true, organization: { select: { settings: true } } },
      resolve: (patient) => onboardingChecklist(requiredSteps(patient.organization.settings), patient.onboardingSteps),
    }),
    onboardedAt: t.expose("onboardedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the last required step was completed.",
    }),
    archivedAt: t.expose("archivedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    user: t.relation("user", {
      nullable: true,
      description: "The user account that signs in as this patient, if one is linked.",
    }),
  }),
});
