import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../audit/audited.js";
import { findSpecialty, withUniqueName } from "./specialties.js";
import { SpecialtyRef } from "./specialty.type.js";
import { specialtyFields } from "./specialty-input.js";

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
    resolve: (_root, { id, input }, ctx) =>
      withUniqueName(input.name, () =>
        audited(ctx, async (tx) => {
          const before = await findSpecialty(tx, id.id);
          const after = await tx.specialty.update({
            where: { id: before.id },
            data: { name: input.name ?? undefined, description: input.description },
          });
          return {
            value: after,
            audit: { action: "specialty.update", entityType: "Specialty", entityId: after.id, before, after },
          };
        }),
      ),
  }),
);
