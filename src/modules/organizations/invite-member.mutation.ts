import { ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { email } from "../../validation.js";
import { activeOrganization, assertInActiveOrganization } from "./active-organization.js";
import { MemberRoleEnum } from "./member-role.enum.js";
import { assertMayAssign } from "./members.js";
import { InvitationRef } from "./membership.type.js";
import { OrganizationRef } from "./organization.type.js";

const INVITATION_DAYS = 14;

const InviteMemberInput = builder.inputType("InviteMemberInput", {
  fields: (t) => ({
    organizationId: t.globalID({ for: OrganizationRef }),
    email: t.string({ validate: email }),
    role: t.field({ type: MemberRoleEnum }),
  }),
});

builder.mutationField("inviteMember", (t) =>
  t.field({
    type: InvitationRef,
    description: `Invites a person by email. They join with the role when they next sign in with that email (within ${INVITATION_DAYS} days).`,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: { input: t.arg({ type: InviteMemberInput }) },
    resolve: (_root, { input }, ctx) => {
      const organizationId = activeOrganization(ctx, input.organizationId.id);
      assertMayAssign(ctx, [input.role]);
      return audited(ctx, async (tx) => {
        const member = await tx.userOrganization.findFirst({ where: { organizationId, user: { email: input.email } } });
        if (member) throw new ConflictError(`${input.email} is already a member`);
        const invitation = await tx.organizationInvitation.create({
          data: {
            organizationId,
            email: input.email,
            role: input.role,
            invitedById: ctx.scope.userId,
            expiresAt: new Date(Date.now() + INVITATION_DAYS * 86_400_000),
          },
        });
        return {
          value: invitation,
          audit: { action: "invitation.create", entityType: "Invitation", entityId: invitation.id, after: invitation },
        };
      });
    },
  }),
);

builder.mutationField("revokeInvitation", (t) =>
  t.field({
    type: InvitationRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: {
      id: t.arg.globalID({ for: InvitationRef }),
      organizationId: t.arg.globalID({ for: OrganizationRef, required: false }),
    },
    resolve: (_root, { id, organizationId }, ctx) =>
      audited(ctx, async (tx) => {
        assertInActiveOrganization(ctx, organizationId);
        const before = await tx.organizationInvitation.findFirst({
          where: { id: id.id, acceptedAt: null, revokedAt: null },
        });
        if (!before) throw new NotFoundError("Invitation");
        const after = await tx.organizationInvitation.update({
          where: { id: before.id },
          data: { revokedAt: new Date() },
        });
        return {
          value: after,
          audit: { action: "invitation.revoke", entityType: "Invitation", entityId: after.id, before, after },
        };
      }),
  }),
);
