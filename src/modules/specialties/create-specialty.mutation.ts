import { ConflictError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../audit/audited.js";
import { withUniqueName } from "./specialties.js";
import { SpecialtyRef } from "./specialty.type.js";
import { specialtyFields } from "./specialty-input.js";

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
    resolve: (_root, { input }, ctx) =>
      withUniqueName(input.name, () =>
        audited(ctx, async (tx) => {
          const specialty = await tx.specialty.create({
            data: {
              organizationId: ctx.scope.organizationId as string,
              name: input.name,
              description: input.description ?? null,
            },
          });
          return {
            value: specialty,
            audit: { action: "specialty.create", entityType: "Specialty", entityId: specialty.id, after: specialty },
          };
        }),
      ),
  }),
);
