import { randomUUID } from "node:crypto";
import { ConflictError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { OrganizationRef } from "./organization.type.js";
import { CreateOrganizationInput, settingsWithDefaults, withUniqueSlug } from "./organization-input.js";

builder.mutationField("createOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    description: "Creates an organization; you become its owner and it becomes your active organization.",
    authScopes: { signedIn: true },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateOrganizationInput }) },
    resolve: (_root, { input }, ctx) => {
      const userId = ctx.scope.userId as string;
      const id = randomUUID();
      // Row-level security lets an organization be written only as the active one: scope to the new id.
      return withUniqueSlug(input.slug, () =>
        audited(
          ctx,
          async (tx) => {
            const organization = await tx.organization.create({
              data: {
                id,
                name: input.name,
                slug: input.slug,
                timezone: input.timezone ?? undefined,
                locale: input.locale ?? undefined,
                settings: settingsWithDefaults(input.settings),
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
        ),
      );
    },
  }),
);
