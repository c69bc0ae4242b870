import { encodeGlobalID } from "@pothos/plugin-relay";
import { managerRoles } from "../../auth/roles.js";
import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../audit/audited.js";
import { changedFields } from "../audit/changes.js";
import { emitEvent } from "../webhooks/emit-event.js";
import { activeOrganization } from "./active-organization.js";
import { OrganizationRef } from "./organization.type.js";
import { organizationFields } from "./organization-input.js";

const UpdateOrganizationInput = builder.inputType("UpdateOrganizationInput", {
  description: "Only the fields given change. `settings` replaces the whole settings object.",
  fields: (t) => ({
    name: t.string({ required: false, validate: organizationFields.name }),
    slug: t.string({ required: false, validate: organizationFields.slug }),
    timezone: t.string({ required: false, validate: organizationFields.timezone }),
    locale: t.string({ required: false, validate: organizationFields.locale }),
    settings: t.field({ type: "JSON", required: false, validate: organizationFields.settings }),
  }),
});

builder.mutationField("updateOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: OrganizationRef }), input: t.arg({ type: UpdateOrganizationInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      const organizationId = activeOrganization(ctx, id.id);
      try {
        return await audited(ctx, async (tx) => {
          const before = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
          const after = await tx.organization.update({
            where: { id: organizationId },
            data: {
              name: input.name ?? undefined,
              slug: input.slug ?? undefined,
              timezone: input.timezone ?? undefined,
              locale: input.locale ?? undefined,
              settings: input.settings ? organizationFields.settings.parse(input.settings) : undefined,
            },
          });
          const changed = Object.keys(changedFields(before, after).after ?? {});
          if (changed.length) {
            await emitEvent(tx, organizationId, "organization.updated", {
              organizationId: encodeGlobalID("Organization", organizationId),
              changedFields: changed,
              name: after.name,
              slug: after.slug,
              timezone: after.timezone,
              locale: after.locale,
            });
          }
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
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError(`The slug "${input.slug}" is taken`);
        throw error;
      }
    },
  }),
);
