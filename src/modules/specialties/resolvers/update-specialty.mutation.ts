import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { updateSpecialty } from "../domain/update-specialty.js";
import { SpecialtyRef } from "../types/specialty.type.js";
import { specialtyFields } from "../types/specialty-input.js";

const UpdateSpecialtyInput = builder.inputType("UpdateSpecialtyInput", {
  description: "Only the fields given change; null clears the description.",
  fields: (t) => ({
    name: t.string({ required: false, validate: specialtyFields.name }),
    description: t.string({ required: false, validate: specialtyFields.description }),
  }),
});

builder.mutationField("updateSpecialty", (t) =>
  t.field({
    type: SpecialtyRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: SpecialtyRef }), input: t.arg({ type: UpdateSpecialtyInput }) },
    resolve: (_root, { id, input }, ctx) => audited(ctx, (tx, actor) => updateSpecialty(tx, actor, id.id, input)),
  }),
);
