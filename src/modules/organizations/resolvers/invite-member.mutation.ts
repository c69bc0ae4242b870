import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { email } from "../../../validation.js";
import { INVITATION_DAYS, inviteMember } from "../domain/invite-member.js";
import { InvitationRef } from "../types/invitation.type.js";
import { MemberRoleEnum } from "../types/member-role.enum.js";
import { OrganizationRef } from "../types/organization.type.js";

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
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) => inviteMember(tx, actor, { ...input, organizationId: input.organizationId.id })),
  }),
);
