import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { deleteOrganization } from "../domain/delete-organization.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.mutationField("deleteOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    description: "Deletes the organization and everything it owns. Owners only; the audit trail stays.",
    authScopes: { orgRole: ["owner"] },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: OrganizationRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => deleteOrganization(tx, actor, id.id)),
  }),
);
