import { builder } from "../../../graphql/builder.js";
import { readerRoles, visibleToViewer } from "../../services/index.js";
import { ServicePlanRef } from "../types/service-plan.type.js";

builder.queryField("servicePlans", (t) =>
  t.prismaConnection({
    type: ServicePlanRef,
    cursor: "id",
    description: "The active organization's service plans, by name. Patients see active plans only.",
    authScopes: { orgRole: readerRoles },
    args: { active: t.arg.boolean({ required: false }) },
    resolve: (query, _root, { active }, ctx) =>
      ctx.db.servicePlan.findMany({
        ...query,
        where: { active: active ?? undefined, ...visibleToViewer(ctx) },
        orderBy: [{ name: "asc" }, { id: "asc" }],
      }),
  }),
);
