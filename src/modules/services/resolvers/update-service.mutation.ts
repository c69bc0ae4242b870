import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { updateService } from "../domain/update-service.js";
import { catalogRoles } from "../roles.js";
import { ServiceRef } from "../types/service.type.js";
import { UpdateServiceInput } from "../types/service-input.js";

builder.mutationField("updateService", (t) =>
  t.field({
    type: ServiceRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: ServiceRef }), input: t.arg({ type: UpdateServiceInput }) },
    resolve: (_root, { id, input }, ctx) => audited(ctx, (tx, actor) => updateService(tx, actor, id.id, input)),
  }),
);
