import { ConflictError, ForbiddenError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { removeMember } from "../domain/remove-member.js";
import { MembershipRef } from "../types/membership.type.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.mutationField("removeMember", (t) =>
  t.field({
    type: MembershipRef,
    description: "Removes a member. The last owner cannot be removed.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ForbiddenError, ConflictError] },
    args: {
      membershipId: t.arg.globalID({ for: MembershipRef }),
      organizationId: t.arg.globalID({ for: OrganizationRef, required: false }),
    },
    resolve: (_root, { membershipId, organizationId }, ctx) =>
      audited(ctx, (tx, actor) =>
        removeMember(tx, actor, { membershipId: membershipId.id, organizationId: organizationId?.id }),
      ),
  }),
);
