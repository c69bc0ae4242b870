import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { catalogRoles } from "../../services/index.js";
import { createServicePlan } from "../domain/create-service-plan.js";
import { ServicePlanRef } from "../types/service-plan.type.js";
import { CreateServicePlanInput, planContentsOf } from "../types/service-plan-input.js";

builder.mutationField("createServicePlan", (t) =>
  t.field({
    type: ServicePlanRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateServicePlanInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) => createServicePlan(tx, actor, { ...input, ...planContentsOf(input) })),
  }),
);
