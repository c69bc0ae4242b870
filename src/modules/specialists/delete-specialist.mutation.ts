import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { SpecialistRef } from "./specialist.type.js";
import { findSpecialist } from "./specialists.js";

builder.mutationField("deleteSpecialist", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Deletes a specialist and their specialty links. To keep their history, deactivate them instead.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: SpecialistRef }) },
    resolve: (_root, { id }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await findSpecialist(tx, id.id);
        await tx.specialist.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: { action: "specialist.delete", entityType: "Specialist", entityId: before.id, before },
        };
      }),
  }),
);
