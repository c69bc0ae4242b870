import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { revokeInvitation } from "../domain/revoke-invitation.js";
import { InvitationRef } from "../types/invitation.type.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.mutationField("revokeInvitation", (t) =>
  t.field({
    type: InvitationRef,
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: {
      id: t.arg.globalID({ for: InvitationRef }),
      organizationId: t.arg.globalID({ for: OrganizationRef, required: false }),
    },
    resolve: (_root, { id, organizationId }, ctx) =>
      audited(ctx, (tx, actor) => revokeInvitation(tx, actor, { id: id.id, organizationId: organizationId?.id })),
  }),
);
