import { encodeGlobalID } from "@pothos/plugin-relay";
import { ConflictError, NotFoundError } from "../../errors.js";
import { emitEvent } from "../../events/index.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { changedFields } from "../../operation/changes.js";
import { requiredSteps } from "../patients/onboarding.js";
import { activateOnboardedPatients } from "../patients/patients.js";
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
      const settings = input.settings ? settingsWithDefaults(input.settings) : undefined;
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
              settings,
            },
          });
          // Patients who have now done every required onboarding step become active.
          if (settings) await activateOnboardedPatients(tx, organizationId, requiredSteps(settings));
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
        }),
      );
    },
  }),
);
