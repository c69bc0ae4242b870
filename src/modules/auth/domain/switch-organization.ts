import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";

/**
 * Makes one of the signed-in user's organizations their active one; any other organization is
 * not found. Runs scoped to that organization (see the resolver), so its row is readable.
 */
export async function switchOrganization(tx: Prisma.TransactionClient, actor: Actor, organizationId: string) {
  const userId = actor.scope.userId as string;
  const membership = await tx.userOrganization.findUnique({
    where: { organizationId_userId: { organizationId, userId } },
    include: { organization: true },
  });
  if (!membership) throw new NotFoundError("Organization");
  const before = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { activeOrganizationId: true } });
  await tx.user.update({ where: { id: userId }, data: { activeOrganizationId: organizationId } });
  return {
    value: membership.organization,
    audit: {
      action: "user.switch_organization",
      entityType: "User",
      entityId: userId,
      before,
      after: { activeOrganizationId: organizationId },
    },
  } satisfies Audited<typeof membership.organization>;
}
