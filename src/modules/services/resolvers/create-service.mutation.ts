import { ConflictError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { createService } from "../domain/create-service.js";
import { catalogRoles } from "../roles.js";
import { ServiceRef } from "../types/service.type.js";
import { CreateServiceInput } from "../types/service-input.js";

builder.mutationField("createService", (t) =>
  t.field({
    type: ServiceRef,
    description: "Adds a service to the catalog.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateServiceInput }) },
    resolve: (_root, { input }, ctx) => audited(ctx, (tx, actor) => createService(tx, actor, input)),
  }),
);
