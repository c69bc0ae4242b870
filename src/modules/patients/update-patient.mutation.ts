import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { memberRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { PatientRef } from "./patient.type.js";
import { patientFields, toDateColumn } from "./patient-input.js";
import { lockLivePatient } from "./patients.js";
import { withoutSearchKeys } from "./search.js";

const UpdatePatientInput = builder.inputType("UpdatePatientInput", {
  description: "Only the fields given change; null clears email, phone and date of birth.",
  fields: (t) => ({
    firstName: t.string({ required: false, validate: patientFields.firstName }),
    lastName: t.string({ required: false, validate: patientFields.lastName }),
    email: t.string({ required: false, validate: patientFields.email }),
    phone: t.string({ required: false, validate: patientFields.phone }),
    dateOfBirth: t.string({ required: false, validate: patientFields.dateOfBirth }),
    timezone: t.string({ required: false, validate: patientFields.timezone }),
    locale: t.string({ required: false, validate: patientFields.locale }),
  }),
});

builder.mutationField("updatePatient", (t) =>
  t.field({
    type: PatientRef,
    description: "Changes a patient's profile: staff for any patient, a patient user for their own record.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientRef }), input: t.arg({ type: UpdatePatientInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      try {
        return await audited(ctx, async (tx) => {
          const before = await lockLivePatient(tx, id.id);
          const after = await tx.patient.update({
            where: { id: before.id },
            data: {
              firstName: input.firstName ?? undefined,
              lastName: input.lastName ?? undefined,
              email: input.email,
              phone: input.phone,
              dateOfBirth:
                input.dateOfBirth === undefined ? undefined : input.dateOfBirth && toDateColumn(input.dateOfBirth),
              timezone: input.timezone ?? undefined,
              locale: input.locale ?? undefined,
            },
          });
          return {
            value: after,
            audit: {
              action: "patient.update",
              entityType: "Patient",
              entityId: after.id,
              before: withoutSearchKeys(before),
              after: withoutSearchKeys(after),
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
