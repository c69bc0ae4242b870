import { ConflictError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { staffRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { createPatient } from "../domain/create-patient.js";
import { PatientRef } from "../types/patient.type.js";
import { patientFields } from "../types/patient-input.js";

const CreatePatientInput = builder.inputType("CreatePatientInput", {
  fields: (t) => ({
    firstName: t.string({ validate: patientFields.firstName }),
    lastName: t.string({ validate: patientFields.lastName }),
    email: t.string({ required: false, validate: patientFields.email }),
    phone: t.string({
      required: false,
      validate: patientFields.phone,
      description: "International format: +14155550123.",
    }),
    dateOfBirth: t.string({
      required: false,
      validate: patientFields.dateOfBirth,
      description: "ISO date, not in the future.",
    }),
    timezone: t.string({
      required: false,
      validate: patientFields.timezone,
      description: "Defaults to the organization's.",
    }),
    locale: t.string({
      required: false,
      validate: patientFields.locale,
      description: "Defaults to the organization's.",
    }),
  }),
});

builder.mutationField("createPatient", (t) =>
  t.field({
    type: PatientRef,
    description:
      "Adds a patient to the active organization: invited, or active at once if the organization requires no onboarding step.",
    authScopes: { orgRole: staffRoles },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreatePatientInput }) },
    resolve: (_root, { input }, ctx) => audited(ctx, (tx, actor) => createPatient(tx, actor, input)),
  }),
);
