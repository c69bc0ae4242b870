import { encodeGlobalID } from "@pothos/plugin-relay";
import { ConflictError, ForbiddenError, NotFoundError } from "../../errors.js";
import { emitEvent } from "../../events/index.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { assertInActiveOrganization } from "./active-organization.js";
import { MemberRoleEnum } from "./member-role.enum.js";
import { assertMayAssign, assertOwnerRemains, findMembership } from "./members.js";
import { MembershipRef } from "./membership.type.js";
import { OrganizationRef } from "./organization.type.js";

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
      audited(ctx, async (tx) => {
        assertInActiveOrganization(ctx, organizationId);
        const before = await findMembership(tx, ctx, membershipId.id);
        assertMayAssign(ctx, [before.role, role]);
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
        };
      }),
  }),
);
