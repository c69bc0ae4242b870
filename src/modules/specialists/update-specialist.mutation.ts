import { ForbiddenError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { SpecialistRef } from "./specialist.type.js";
import { specialistFields } from "./specialist-input.js";
import { assertMayEdit, findSpecialist } from "./specialists.js";

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
    resolve: (_root, { id, input }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await findSpecialist(tx, id.id);
        assertMayEdit(ctx, before, input);
        const after = await tx.specialist.update({
          where: { id: before.id },
          data: {
            firstName: input.firstName ?? undefined,
            lastName: input.lastName ?? undefined,
            email: input.email,
            timezone: input.timezone ?? undefined,
            bio: input.bio,
            active: input.active ?? undefined,
          },
        });
        return {
          value: after,
          audit: { action: "specialist.update", entityType: "Specialist", entityId: after.id, before, after },
        };
      }),
  }),
);
