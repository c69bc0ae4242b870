import { builder } from "../../../graphql/builder.js";
import { readerRoles, visibleToViewer } from "../../services/index.js";
import { ServicePlanRef } from "../types/service-plan.type.js";

builder.queryField("servicePlan", (t) =>
  t.prismaField({
    type: ServicePlanRef,
    nullable: true,
    description: "One service plan; null for an unknown id or another organization's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: ServicePlanRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.servicePlan.findFirst({ ...query, where: { id: id.id, ...visibleToViewer(ctx) } }),
  }),
);
