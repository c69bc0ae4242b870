import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { updatePatient } from "../domain/update-patient.js";
import { PatientRef } from "../types/patient.type.js";
import { patientFields } from "../types/patient-input.js";

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
    resolve: (_root, { id, input }, ctx) => audited(ctx, (tx, actor) => updatePatient(tx, actor, id.id, input)),
  }),
);
