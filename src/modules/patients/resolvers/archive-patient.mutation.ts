import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { archivePatient } from "../domain/archive-patient.js";
import { PatientRef } from "../types/patient.type.js";

builder.mutationField("archivePatient", (t) =>
  t.field({
    type: PatientRef,
    description:
      "Archives (soft-deletes) a patient: left out of lists, no longer changeable, and their user no longer sees the record. Restorable.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => archivePatient(tx, actor, id.id)),
  }),
);
