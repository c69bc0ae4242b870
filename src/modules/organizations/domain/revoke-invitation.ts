import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { assertInActiveOrganization } from "./active-organization.js";

export interface RevokeInvitation {
  id: string;
  /** When given, must be the active organization. */
  organizationId?: string | null;
}

/** Revokes a pending invitation; an accepted or revoked one is not found. */
export async function revokeInvitation(tx: Prisma.TransactionClient, actor: Actor, input: RevokeInvitation) {
  assertInActiveOrganization(actor, input.organizationId);
  const before = await tx.organizationInvitation.findFirst({
    where: { id: input.id, acceptedAt: null, revokedAt: null },
  });
  if (!before) throw new NotFoundError("Invitation");
  const after = await tx.organizationInvitation.update({ where: { id: before.id }, data: { revokedAt: new Date() } });
  return {
    value: after,
    audit: { action: "invitation.revoke", entityType: "Invitation", entityId: after.id, before, after },
  } satisfies Audited<typeof after>;
}
