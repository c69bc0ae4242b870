import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { revokeApiKey } from "../domain/revoke-api-key.js";
import { ApiKeyRef } from "../types/api-key.type.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.mutationField("revokeApiKey", (t) =>
  t.field({
    type: ApiKeyRef,
    description: "Revokes a key: the next request made with it is refused.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: {
      id: t.arg.globalID({ for: ApiKeyRef }),
      organizationId: t.arg.globalID({ for: OrganizationRef, required: false }),
    },
    resolve: (_root, { id, organizationId }, ctx) =>
      audited(ctx, (tx, actor) => revokeApiKey(tx, actor, { id: id.id, organizationId: organizationId?.id })),
  }),
);
