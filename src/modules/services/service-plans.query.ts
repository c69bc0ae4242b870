import { builder } from "../../graphql/builder.js";
import { readerRoles, visibleToViewer } from "./roles.js";
import { ServicePlanRef } from "./service-plan.type.js";

builder.queryFields((t) => ({
  servicePlans: t.prismaConnection({
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
  servicePlan: t.prismaField({
    type: ServicePlanRef,
    nullable: true,
    description: "One service plan; null for an unknown id or another organization's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: ServicePlanRef }) },
    resolve: (query, _root, { id }, ctx) =>
      ctx.db.servicePlan.findFirst({ ...query, where: { id: id.id, ...visibleToViewer(ctx) } }),
  }),
}));
