import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { activeOrganization } from "./active-organization.js";
import { OrganizationRef } from "./organization.type.js";

builder.mutationField("deleteOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    description: "Deletes the organization and everything it owns. Owners only; the audit trail stays.",
    authScopes: { orgRole: ["owner"] },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: OrganizationRef }) },
    resolve: (_root, { id }, ctx) => {
      const organizationId = activeOrganization(ctx, id.id);
      return audited(ctx, async (tx) => {
        const deleted = await tx.organization.delete({ where: { id: organizationId } });
        return {
          value: deleted,
          audit: {
            action: "organization.delete",
            entityType: "Organization",
            entityId: organizationId,
            before: deleted,
          },
        };
      });
    },
  }),
);
