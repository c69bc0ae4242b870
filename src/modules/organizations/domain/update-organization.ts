import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { emitEvent } from "../../../events/index.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { changedFields } from "../../../operation/changes.js";
import { activateOnboardedPatients, requiredSteps } from "../../patients/index.js";
import { activeOrganization } from "./active-organization.js";
import { type OrganizationFields, settingsWithDefaults } from "./organization-fields.js";
import { withUniqueSlug } from "./unique-slug.js";

/** Only the fields given change. `settings` replaces the whole settings object. */
export type UpdateOrganization = { [Field in keyof OrganizationFields]?: OrganizationFields[Field] | null };

/**
 * Changes the actor's active organization (any other id is not found) and emits
 * `organization.updated` when something changed; new onboarding steps activate the patients who
 * have by then done every required one, recorded by this one audit row.
 */
export async function updateOrganization(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
  input: UpdateOrganization,
) {
  const organizationId = activeOrganization(actor, id);
  const settings = input.settings ? settingsWithDefaults(input.settings) : undefined;
  return withUniqueSlug(input.slug, async () => {
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
      audit: { action: "organization.update", entityType: "Organization", entityId: organizationId, before, after },
    } satisfies Audited<typeof after>;
  });
}
