import type { Prisma } from "../../../db/prisma.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { type OrganizationFields, settingsWithDefaults } from "./organization-fields.js";
import { withUniqueSlug } from "./unique-slug.js";

/**
 * Creates the organization the actor is scoped to (row-level security lets an organization be
 * written only as the active one, so the caller scopes the operation to a new id); the signed-in
 * user becomes its owner and switches to it. A taken slug is a conflict.
 */
export function createOrganization(tx: Prisma.TransactionClient, actor: Actor, input: OrganizationFields) {
  const id = organizationIdOf(actor);
  const userId = actor.scope.userId as string;
  return withUniqueSlug(input.slug, async () => {
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
    } satisfies Audited<typeof organization>;
  });
}
