import { ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { updateSpecialist } from "../domain/update-specialist.js";
import { SpecialistRef } from "../types/specialist.type.js";
import { specialistFields } from "../types/specialist-input.js";

const UpdateSpecialistInput = builder.inputType("UpdateSpecialistInput", {
  description: "Only the fields given change; null clears email and bio.",
  fields: (t) => ({
    firstName: t.string({ required: false, validate: specialistFields.firstName }),
    lastName: t.string({ required: false, validate: specialistFields.lastName }),
    email: t.string({ required: false, validate: specialistFields.email }),
    timezone: t.string({ required: false, validate: specialistFields.timezone }),
    bio: t.string({ required: false, validate: specialistFields.bio }),
    active: t.boolean({ required: false, description: "Owners and admins only." }),
  }),
});

builder.mutationField("updateSpecialist", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Changes a specialist's profile: owners and admins any, a specialist user their own.",
    authScopes: { orgRole: [...managerRoles, "specialist"] },
    errors: { types: [NotFoundError, ForbiddenError] },
    args: { id: t.arg.globalID({ for: SpecialistRef }), input: t.arg({ type: UpdateSpecialistInput }) },
    resolve: (_root, { id, input }, ctx) => audited(ctx, (tx, actor) => updateSpecialist(tx, actor, id.id, input)),
  }),
);
