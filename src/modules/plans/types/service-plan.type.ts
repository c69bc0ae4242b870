import { prismaConnectionHelpers } from "@pothos/plugin-prisma";
import { builder } from "../../../graphql/builder.js";
import { ProductRef } from "../../products/index.js";
import { ServiceRef } from "../../services/index.js";
import { AccessGrantEnum } from "./access-grant.enum.js";

const includedServices = prismaConnectionHelpers(builder, "ServicePlanService", {
  cursor: "servicePlanId_serviceId",
  query: { orderBy: { serviceId: "asc" } },
  select: (nodeSelection) => ({ sessions: true, service: nodeSelection({}) }),
  resolveNode: (entry) => entry.service,
});

const includedProducts = prismaConnectionHelpers(builder, "ServicePlanProduct", {
  cursor: "servicePlanId_productId",
  query: { orderBy: { productId: "asc" } },
  select: (nodeSelection) => ({ quantity: true, product: nodeSelection({}) }),
  resolveNode: (entry) => entry.product,
});

export const ServicePlanRef = builder.prismaNode("ServicePlan", {
  nullable: true,
  id: { field: "id" },
  description:
    "A bundle sold to patients: sessions of services, products and access grants, for a price and a validity.",
  fields: (t) => ({
    name: t.exposeString("name"),
    description: t.exposeString("description", { nullable: true }),
    price: t.exposeInt("price", { description: "Integer minor units of `currency`." }),
    currency: t.exposeString("currency", { description: "ISO 4217." }),
    validityDays: t.exposeInt("validityDays", { description: "How long an assigned plan lasts from its start." }),
    accessGrants: t.expose("accessGrants", { type: [AccessGrantEnum] }),
    active: t.exposeBoolean("active", {
      description: "Inactive plans are hidden from patients and cannot be assigned.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    services: t.connection(
      {
        type: ServiceRef,
        description: "The services the plan includes; each edge says how many sessions.",
        select: (args, ctx, nestedSelection) => ({ services: includedServices.getQuery(args, ctx, nestedSelection) }),
        resolve: (plan, args, ctx) => includedServices.resolve(plan.services, args, ctx),
      },
      { name: "ServicePlanServicesConnection" },
      {
        name: "ServicePlanServicesEdge",
        fields: (edge) => ({ sessions: edge.int({ resolve: (entry) => entry.sessions }) }),
      },
    ),
    products: t.connection(
      {
        type: ProductRef,
        description: "The products the plan includes; each edge says how many.",
        select: (args, ctx, nestedSelection) => ({ products: includedProducts.getQuery(args, ctx, nestedSelection) }),
        resolve: (plan, args, ctx) => includedProducts.resolve(plan.products, args, ctx),
      },
      { name: "ServicePlanProductsConnection" },
      {
        name: "ServicePlanProductsEdge",
        fields: (edge) => ({ quantity: edge.int({ resolve: (entry) => entry.quantity }) }),
      },
    ),
  }),
});
