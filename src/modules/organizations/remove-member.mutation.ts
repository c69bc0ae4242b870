import { encodeGlobalID } from "@pothos/plugin-relay";
import { ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import { emitEvent } from "../../events/index.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { assertInActiveOrganization } from "./active-organization.js";
import { assertMayAssign, assertOwnerRemains, findMembership } from "./members.js";
import { MembershipRef } from "./membership.type.js";
import { OrganizationRef } from "./organization.type.js";

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
      audited(ctx, async (tx) => {
        assertInActiveOrganization(ctx, organizationId);
        const before = await findMembership(tx, ctx, membershipId.id);
        assertMayAssign(ctx, [before.role]);
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
        };
      }),
  }),
);
