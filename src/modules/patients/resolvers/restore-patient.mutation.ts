import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { restorePatient } from "../domain/archive-patient.js";
import { PatientRef } from "../types/patient.type.js";

builder.mutationField("restorePatient", (t) =>
  t.field({
    type: PatientRef,
    description: "Brings an archived patient back. Refused while another patient holds the same email or user account.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => restorePatient(tx, actor, id.id)),
  }),
);
