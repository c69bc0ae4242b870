import { managerRoles } from "../../auth/roles.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../audit/audited.js";
import { activeOrganization } from "./active-organization.js";
import { OrganizationRef } from "./organization.type.js";
import { settingsWithDefaults, UpdateOrganizationInput, withUniqueSlug } from "./organization-input.js";

builder.mutationField("updateOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: OrganizationRef }), input: t.arg({ type: UpdateOrganizationInput }) },
    resolve: (_root, { id, input }, ctx) => {
      const organizationId = activeOrganization(ctx, id.id);
      return withUniqueSlug(input.slug, () =>
        audited(ctx, async (tx) => {
          const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
          const after = await tx.organization.update({
            where: { id: organizationId },
            data: {
              name: input.name ?? undefined,
              slug: input.slug ?? undefined,
              timezone: input.timezone ?? undefined,
              locale: input.locale ?? undefined,
              settings: input.settings ? settingsWithDefaults(input.settings) : undefined,
            },
          });
          return {
            value: after,
            audit: {
              action: "organization.update",
              entityType: "Organization",
              entityId: organizationId,
              before,
              after,
            },
          };
        }),
      );
    },
  }),
);
