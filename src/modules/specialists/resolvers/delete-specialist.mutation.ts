import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { deleteSpecialist } from "../domain/delete-specialist.js";
import { SpecialistRef } from "../types/specialist.type.js";

builder.mutationField("deleteSpecialist", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Deletes a specialist and their specialty links. To keep their history, deactivate them instead.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: SpecialistRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => deleteSpecialist(tx, actor, id.id)),
  }),
);
