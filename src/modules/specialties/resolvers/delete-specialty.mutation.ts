import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { deleteSpecialty } from "../domain/delete-specialty.js";
import { SpecialtyRef } from "../types/specialty.type.js";

builder.mutationField("deleteSpecialty", (t) =>
  t.field({
    type: SpecialtyRef,
    description: "Deletes a specialty; its specialists lose it, nothing else.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: SpecialtyRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => deleteSpecialty(tx, actor, id.id)),
  }),
);
