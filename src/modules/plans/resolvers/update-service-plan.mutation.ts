import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { catalogRoles } from "../../services/index.js";
import { updateServicePlan } from "../domain/update-service-plan.js";
import { ServicePlanRef } from "../types/service-plan.type.js";
import { planContentsOf, UpdateServicePlanInput } from "../types/service-plan-input.js";

builder.mutationField("updateServicePlan", (t) =>
  t.field({
    type: ServicePlanRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: ServicePlanRef }), input: t.arg({ type: UpdateServicePlanInput }) },
    resolve: (_root, { id, input }, ctx) =>
      audited(ctx, (tx, actor) => updateServicePlan(tx, actor, id.id, { ...input, ...planContentsOf(input) })),
  }),
);
