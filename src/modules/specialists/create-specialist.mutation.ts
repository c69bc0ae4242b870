import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { SpecialistRef } from "./specialist.type.js";
import { specialistFields } from "./specialist-input.js";

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
    resolve: (_root, { input }, ctx) => {
      const organizationId = ctx.scope.organizationId as string;
      return audited(ctx, async (tx) => {
        const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
        const specialist = await tx.specialist.create({
          data: {
            organizationId,
            firstName: input.firstName,
            lastName: input.lastName,
            email: input.email ?? null,
            timezone: input.timezone ?? organization.timezone,
            bio: input.bio ?? null,
            active: input.active ?? true,
          },
        });
        return {
          value: specialist,
          audit: { action: "specialist.create", entityType: "Specialist", entityId: specialist.id, after: specialist },
        };
      });
    },
  }),
);
