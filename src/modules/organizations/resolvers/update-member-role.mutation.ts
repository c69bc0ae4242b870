import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { updateMemberRole } from "../domain/update-member-role.js";
import { MemberRoleEnum } from "../types/member-role.enum.js";
import { MembershipRef } from "../types/membership.type.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.mutationField("updateMemberRole", (t) =>
  t.field({
    type: MembershipRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: {
      membershipId: t.arg.globalID({ for: MembershipRef }),
      role: t.arg({ type: MemberRoleEnum }),
      organizationId: t.arg.globalID({ for: OrganizationRef, required: false }),
    },
    resolve: (_root, { membershipId, role, organizationId }, ctx) =>
      audited(ctx, (tx, actor) =>
        updateMemberRole(tx, actor, { membershipId: membershipId.id, role, organizationId: organizationId?.id }),
      ),
  }),
);
