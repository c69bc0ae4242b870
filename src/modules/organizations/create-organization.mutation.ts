import { randomUUID } from "node:crypto";
import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../audit/audited.js";
import { OrganizationRef } from "./organization.type.js";
import { organizationFields } from "./organization-input.js";

const CreateOrganizationInput = builder.inputType("CreateOrganizationInput", {
  fields: (t) => ({
    name: t.string({ validate: organizationFields.name }),
    slug: t.string({ validate: organizationFields.slug }),
    timezone: t.string({ required: false, validate: organizationFields.timezone }),
    locale: t.string({ required: false, validate: organizationFields.locale }),
    settings: t.field({ type: "JSON", required: false, validate: organizationFields.settings }),
  }),
});

builder.mutationField("createOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    description: "Creates an organization; you become its owner and it becomes your active organization.",
    authScopes: { signedIn: true },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateOrganizationInput }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = ctx.scope.userId as string;
      const id = randomUUID();
      try {
        // Row-level security lets an organization be written only as the active one: scope to the new id.
        return await audited(
          ctx,
          async (tx) => {
            const organization = await tx.organization.create({
              data: {
                id,
                name: input.name,
                slug: input.slug,
                timezone: input.timezone ?? undefined,
                locale: input.locale ?? undefined,
                settings: organizationFields.settings.parse(input.settings ?? {}),
              },
            });
            await tx.userOrganization.create({ data: { organizationId: id, userId, role: "owner" } });
            await tx.user.update({ where: { id: userId }, data: { activeOrganizationId: id } });
            return {
              value: organization,
              audit: { action: "organization.create", entityType: "Organization", entityId: id, after: organization },
            };
          },
          { organizationId: id, role: "owner" },
        );
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`The slug "${input.slug}" is taken`);
        throw error;
      }
    },
  }),
);
