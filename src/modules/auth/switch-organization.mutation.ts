import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { OrganizationRef } from "../organizations/organization.type.js";

builder.mutationField("switchOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    description: "Makes one of your organizations the active one for your next requests.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError] },
    args: { organizationId: t.arg.globalID({ for: OrganizationRef }) },
    resolve: (_root, { organizationId }, ctx) => {
      const userId = ctx.scope.userId as string;
      return audited(
        ctx,
        async (tx) => {
          const membership = await tx.userOrganization.findUnique({
            where: { organizationId_userId: { organizationId: organizationId.id, userId } },
            include: { organization: true },
          });
          if (!membership) throw new NotFoundError("Organization");
          const before = await tx.user.findUniqueOrThrow({
            where: { id: userId },
            select: { activeOrganizationId: true },
          });
          await tx.user.update({ where: { id: userId }, data: { activeOrganizationId: organizationId.id } });
          return {
            value: membership.organization,
            audit: {
              action: "user.switch_organization",
              entityType: "User",
              entityId: userId,
              before,
              after: { activeOrganizationId: organizationId.id },
            },
          };
        },
        { organizationId: organizationId.id, role: null },
      );
    },
  }),
);
