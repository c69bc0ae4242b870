import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { PatientRef } from "../types/patient.type.js";

builder.queryField("patient", (t) =>
  t.prismaField({
    type: PatientRef,
    nullable: true,
    description:
      "A patient of the active organization, archived or not (a patient user: only their own); null for any other id.",
    authScopes: { orgRole: memberRoles },
    args: { id: t.arg.globalID({ for: PatientRef }) },
    resolve: (query, _root, { id }, { db }) => db.patient.findUnique({ ...query, where: { id: id.id } }),
  }),
);
