import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../audit/audited.js";
import { findSpecialty } from "./specialties.js";
import { SpecialtyRef } from "./specialty.type.js";

builder.mutationField("deleteSpecialty", (t) =>
  t.field({
    type: SpecialtyRef,
    description: "Deletes a specialty; its specialists lose it, nothing else.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: SpecialtyRef }) },
    resolve: (_root, { id }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await findSpecialty(tx, id.id);
        await tx.specialty.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: { action: "specialty.delete", entityType: "Specialty", entityId: before.id, before },
        };
      }),
  }),
);
