import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { PatientRef } from "./patient.type.js";
import { lockPatient } from "./patients.js";

builder.mutationField("archivePatient", (t) =>
  t.field({
    type: PatientRef,
    description:
      "Archives (soft-deletes) a patient: left out of lists, no longer changeable, and their user no longer sees the record. Restorable.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientRef }) },
    resolve: (_root, { id }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await lockPatient(tx, id.id);
        if (before.archivedAt) throw new ConflictError("The patient is already archived");
        const after = await tx.patient.update({ where: { id: before.id }, data: { archivedAt: new Date() } });
        return {
          value: after,
          audit: { action: "patient.archive", entityType: "Patient", entityId: after.id, before, after },
        };
      }),
  }),
);

builder.mutationField("restorePatient", (t) =>
  t.field({
    type: PatientRef,
    description: "Brings an archived patient back. Refused while another patient holds the same email or user account.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientRef }) },
    resolve: async (_root, { id }, ctx) => {
      try {
        return await audited(ctx, async (tx) => {
          const before = await lockPatient(tx, id.id);
          if (!before.archivedAt) throw new ConflictError("The patient is not archived");
          const after = await tx.patient.update({ where: { id: before.id }, data: { archivedAt: null } });
          return {
            value: after,
            audit: { action: "patient.restore", entityType: "Patient", entityId: after.id, before, after },
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError("Another patient now has the same email or user account");
        throw error;
      }
    },
  }),
);
