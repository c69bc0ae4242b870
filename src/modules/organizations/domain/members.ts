import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors.js";
import type { MemberRole } from "../../../identity/roles.js";
import type { Actor } from "../../../operation/actor.js";

/** Only owners grant, change or take away the owner role. */
export function assertMayAssign(actor: Actor, roles: (MemberRole | undefined)[]) {
  const { viewer } = actor;
  if (roles.includes("owner") && viewer.kind !== "anonymous" && viewer.role !== "owner") {
    throw new ForbiddenError("Only an owner can grant, change or remove the owner role");
  }
}

/**
 * Locks the organization's owner memberships for the rest of the transaction and refuses a
 * change that would leave none (two owners demoting each other at once cannot both win).
 */
export async function assertOwnerRemains(
  tx: Prisma.TransactionClient,
  organizationId: string,
  leavingMembershipId: string,
) {
  const owners = await tx.$queryRaw<{ id: string }[]>`
    SELECT id FROM user_organizations WHERE organization_id = ${organizationId}::uuid AND role = 'owner' FOR UPDATE`;
  if (owners.every((o) => o.id === leavingMembershipId)) {
    throw new ConflictError("An organization keeps at least one owner");
  }
}

/** A membership of the active organization, or not found (other organizations' are invisible anyway). */
export async function findMembership(tx: Prisma.TransactionClient, actor: Actor, membershipId: string) {
  const membership = await tx.userOrganization.findFirst({
    where: { id: membershipId, organizationId: actor.scope.organizationId ?? undefined },
  });
  if (!membership) throw new NotFoundError("Membership");
  return membership;
}
