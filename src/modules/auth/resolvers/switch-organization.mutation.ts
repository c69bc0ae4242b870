import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { OrganizationRef } from "../../organizations/index.js";
import { switchOrganization } from "../domain/switch-organization.js";

builder.mutationField("switchOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    description: "Makes one of your organizations the active one for your next requests.",
    authScopes: { signedIn: true },
    errors: { types: [NotFoundError] },
    args: { organizationId: t.arg.globalID({ for: OrganizationRef }) },
    resolve: (_root, { organizationId }, ctx) =>
      // Scoped to the organization switched to (row-level security shows its row), with no role there yet.
      audited(ctx, (tx, actor) => switchOrganization(tx, actor, organizationId.id), {
        organizationId: organizationId.id,
        role: null,
      }),
  }),
);
