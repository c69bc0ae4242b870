import { ConflictError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { createSpecialty } from "../domain/create-specialty.js";
import { SpecialtyRef } from "../types/specialty.type.js";
import { specialtyFields } from "../types/specialty-input.js";

const CreateSpecialtyInput = builder.inputType("CreateSpecialtyInput", {
  fields: (t) => ({
    name: t.string({ validate: specialtyFields.name, description: "Unique in the organization." }),
    description: t.string({ required: false, validate: specialtyFields.description }),
  }),
});

builder.mutationField("createSpecialty", (t) =>
  t.field({
    type: SpecialtyRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateSpecialtyInput }) },
    resolve: (_root, { input }, ctx) => audited(ctx, (tx, actor) => createSpecialty(tx, actor, input)),
  }),
);
