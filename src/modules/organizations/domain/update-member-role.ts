import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { emitEvent } from "../../../events/index.js";
import type { MemberRole } from "../../../identity/roles.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { assertInActiveOrganization } from "./active-organization.js";
import { assertMayAssign, assertOwnerRemains, findMembership } from "./members.js";

export interface UpdateMemberRole {
  membershipId: string;
  role: MemberRole;
  /** When given, must be the active organization. */
  organizationId?: string | null;
}

/** Gives a member another role; only owners grant or take the owner role, and the last owner stays one. */
export async function updateMemberRole(tx: Prisma.TransactionClient, actor: Actor, input: UpdateMemberRole) {
  assertInActiveOrganization(actor, input.organizationId);
  const { role } = input;
  const before = await findMembership(tx, actor, input.membershipId);
  assertMayAssign(actor, [before.role, role]);
  if (before.role === "owner" && role !== "owner") await assertOwnerRemains(tx, before.organizationId, before.id);
  const after = await tx.userOrganization.update({ where: { id: before.id }, data: { role } });
  if (before.role !== role) {
    await emitEvent(tx, after.organizationId, "member.role_changed", {
      membershipId: encodeGlobalID("Membership", after.id),
      userId: encodeGlobalID("User", after.userId),
      previousRole: before.role,
      role,
    });
  }
  return {
    value: after,
    audit: { action: "membership.update", entityType: "Membership", entityId: after.id, before, after },
  } satisfies Audited<typeof after>;
}
