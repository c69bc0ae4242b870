import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { staffRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { PatientRef } from "./patient.type.js";
import { patientFields, toDateColumn } from "./patient-input.js";
import { createPatientRecord } from "./patients.js";
import { withoutSearchKeys } from "./search.js";

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
    resolve: async (_root, { input }, ctx) => {
      const organizationId = ctx.scope.organizationId as string;
      try {
        return await audited(ctx, async (tx) => {
          const patient = await createPatientRecord(tx, organizationId, {
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email ?? null,
            phone: input.phone ?? null,
            dateOfBirth: input.dateOfBirth ? toDateColumn(input.dateOfBirth) : null,
            timezone: input.timezone,
            locale: input.locale,
          });
          return {
            value: patient,
            audit: {
              action: "patient.create",
              entityType: "Patient",
              entityId: patient.id,
              after: withoutSearchKeys(patient),
            },
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`A patient with the email ${input.email} already exists`);
        throw error;
      }
    },
  }),
);
