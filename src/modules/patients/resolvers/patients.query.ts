import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { PatientRef } from "../types/patient.type.js";
import { PatientStatusEnum } from "../types/patient-status.enum.js";
import { patientOrder, patientWhere } from "../domain/patients.js";

const PatientFilter = builder.inputType("PatientFilter", {
  fields: (t) => ({
    search: t.string({
      required: false,
      description: "Start of the first name, last name or email; with several words, each must match.",
    }),
    status: t.field({ type: PatientStatusEnum, required: false }),
    createdFrom: t.field({ type: "DateTime", required: false, description: "Inclusive." }),
    createdTo: t.field({ type: "DateTime", required: false, description: "Exclusive." }),
    includeArchived: t.boolean({ required: false, description: "Archived patients are left out unless true." }),
  }),
});

builder.queryFields((t) => ({
  patient: t.prismaField({
    type: PatientRef,
    nullable: true,
    description:
      "A patient of the active organization, archived or not (a patient user: only their own); null for any other id.",
    authScopes: { orgRole: memberRoles },
    args: { id: t.arg.globalID({ for: PatientRef }) },
    resolve: (query, _root, { id }, { db }) => db.patient.findUnique({ ...query, where: { id: id.id } }),
  }),
  patients: t.prismaConnection({
    type: PatientRef,
    cursor: "id",
    description: "The active organization's patients by name (a patient user: only their own record).",
    authScopes: { orgRole: memberRoles },
    args: { filter: t.arg({ type: PatientFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) =>
      db.patient.findMany({
        ...query,
        where: patientWhere(filter),
        orderBy: patientOrder(filter),
      }),
  }),
}));
