import type { Prisma } from "../../../db/prisma.js";
import { ConflictError } from "../../../errors.js";
import type { MemberRole } from "../../../identity/roles.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { activeOrganization } from "./active-organization.js";
import { assertMayAssign } from "./members.js";

/** How long an invitation waits for its person to sign in. */
export const INVITATION_DAYS = 14;

export interface InviteMember {
  organizationId: string;
  email: string;
  role: MemberRole;
}

/**
 * Invites a person by email to the actor's active organization; they join with the role when they
 * next sign in with that email. Only owners invite owners; a member's email is a conflict.
 */
export async function inviteMember(tx: Prisma.TransactionClient, actor: Actor, input: InviteMember) {
  const organizationId = activeOrganization(actor, input.organizationId);
  assertMayAssign(actor, [input.role]);
  const member = await tx.userOrganization.findFirst({ where: { organizationId, user: { email: input.email } } });
  if (member) throw new ConflictError(`${input.email} is already a member`);
  const invitation = await tx.organizationInvitation.create({
    data: {
      organizationId,
      email: input.email,
      role: input.role,
      invitedById: actor.scope.userId,
      expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
    },
  });
  return {
    value: invitation,
    audit: { action: "invitation.create", entityType: "Invitation", entityId: invitation.id, after: invitation },
  } satisfies Audited<typeof invitation>;
}
