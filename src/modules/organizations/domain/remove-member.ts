import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { emitEvent } from "../../../events/index.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { assertInActiveOrganization } from "./active-organization.js";
import { assertMayAssign, assertOwnerRemains, findMembership } from "./members.js";

export interface RemoveMember {
  membershipId: string;
  /** When given, must be the active organization. */
  organizationId?: string | null;
}

/** Removes a member; only owners remove owners, and the last owner cannot be removed. */
export async function removeMember(tx: Prisma.TransactionClient, actor: Actor, input: RemoveMember) {
  assertInActiveOrganization(actor, input.organizationId);
  const before = await findMembership(tx, actor, input.membershipId);
  assertMayAssign(actor, [before.role]);
  if (before.role === "owner") await assertOwnerRemains(tx, before.organizationId, before.id);
  await tx.userOrganization.delete({ where: { id: before.id } });
  await emitEvent(tx, before.organizationId, "member.removed", {
    membershipId: encodeGlobalID("Membership", before.id),
    userId: encodeGlobalID("User", before.userId),
    role: before.role,
  });
  return {
    value: before,
    audit: { action: "membership.delete", entityType: "Membership", entityId: before.id, before },
  } satisfies Audited<typeof before>;
}
