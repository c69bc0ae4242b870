import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { patientOrder, patientWhere } from "../domain/patient-list.js";
import { PatientRef } from "../types/patient.type.js";
import { PatientStatusEnum } from "../types/patient-status.enum.js";

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

builder.queryField("patients", (t) =>
  t.prismaConnection({
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
);
