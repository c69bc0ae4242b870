import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { updateOrganization } from "../domain/update-organization.js";
import { OrganizationRef } from "../types/organization.type.js";
import { UpdateOrganizationInput } from "../types/organization-input.js";

builder.mutationField("updateOrganization", (t) =>
  t.field({
    type: OrganizationRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: OrganizationRef }), input: t.arg({ type: UpdateOrganizationInput }) },
    resolve: (_root, { id, input }, ctx) => audited(ctx, (tx, actor) => updateOrganization(tx, actor, id.id, input)),
  }),
);
