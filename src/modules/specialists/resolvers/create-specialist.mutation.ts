import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { createSpecialist } from "../domain/create-specialist.js";
import { SpecialistRef } from "../types/specialist.type.js";
import { specialistFields } from "../types/specialist-input.js";

const CreateSpecialistInput = builder.inputType("CreateSpecialistInput", {
  fields: (t) => ({
    firstName: t.string({ validate: specialistFields.firstName }),
    lastName: t.string({ validate: specialistFields.lastName }),
    email: t.string({ required: false, validate: specialistFields.email }),
    timezone: t.string({
      required: false,
      validate: specialistFields.timezone,
      description: "Defaults to the organization's.",
    }),
    bio: t.string({ required: false, validate: specialistFields.bio }),
    active: t.boolean({ required: false, description: "Defaults to true." }),
  }),
});

builder.mutationField("createSpecialist", (t) =>
  t.field({
    type: SpecialistRef,
    authScopes: { orgRole: managerRoles },
    args: { input: t.arg({ type: CreateSpecialistInput }) },
    errors: {},
    resolve: (_root, { input }, ctx) => audited(ctx, (tx, actor) => createSpecialist(tx, actor, input)),
  }),
);
