import { z } from "zod";
import { isUniqueViolation } from "../../db/errors.js";
import type { Prisma } from "../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { currencyCode, minorUnits, name } from "../../validation.js";
import { assertAllExist, assertDistinct } from "./catalog-lookups.js";
import { AccessGrantEnum } from "./enums.js";
import { ProductRef } from "./product.type.js";
import { catalogRoles } from "./roles.js";
import { ServiceRef } from "./service.type.js";
import { description } from "./service-input.js";
import { ServicePlanRef } from "./service-plan.type.js";

const count = z.number().int().min(1, { message: "must be at least 1" }).max(1000);
const validityDays = z.number().int().min(1, { message: "must be at least 1" }).max(3660);
const atMost50 = z.array(z.unknown()).max(50, { message: "must list at most 50 entries" });
const distinctGrants = z.array(z.string()).refine((grants) => new Set(grants).size === grants.length, {
  message: "must not repeat a grant",
});

const PlanServiceInput = builder.inputType("ServicePlanServiceInput", {
  fields: (t) => ({
    serviceId: t.globalID({ for: ServiceRef }),
    sessions: t.int({ validate: count, description: "Sessions of this service the plan includes." }),
  }),
});

const PlanProductInput = builder.inputType("ServicePlanProductInput", {
  fields: (t) => ({
    productId: t.globalID({ for: ProductRef }),
    quantity: t.int({ validate: count }),
  }),
});

const CreateServicePlanInput = builder.inputType("CreateServicePlanInput", {
  fields: (t) => ({
    name: t.string({ validate: name }),
    description: t.string({ required: false, validate: description }),
    price: t.int({ validate: minorUnits, description: "Integer minor units of `currency`." }),
    currency: t.string({ validate: currencyCode }),
    validityDays: t.int({ validate: validityDays }),
    accessGrants: t.field({ type: [AccessGrantEnum], required: false, validate: distinctGrants }),
    active: t.boolean({ required: false, description: "Defaults to true." }),
    services: t.field({ type: [PlanServiceInput], required: false, validate: atMost50 }),
    products: t.field({ type: [PlanProductInput], required: false, validate: atMost50 }),
  }),
});

const UpdateServicePlanInput = builder.inputType("UpdateServicePlanInput", {
  description:
    "Only the fields given change; `services` and `products` replace the whole lists. Plans already assigned keep what they were sold with.",
  fields: (t) => ({
    name: t.string({ required: false, validate: name }),
    description: t.string({ required: false, validate: description }),
    price: t.int({ required: false, validate: minorUnits }),
    currency: t.string({ required: false, validate: currencyCode }),
    validityDays: t.int({ required: false, validate: validityDays }),
    accessGrants: t.field({ type: [AccessGrantEnum], required: false, validate: distinctGrants }),
    active: t.boolean({ required: false }),
    services: t.field({ type: [PlanServiceInput], required: false, validate: atMost50 }),
    products: t.field({ type: [PlanProductInput], required: false, validate: atMost50 }),
  }),
});

interface PlanContents {
  services?: { serviceId: { id: string }; sessions: number }[] | null;
  products?: { productId: { id: string }; quantity: number }[] | null;
}

function assertContentsDistinct(input: PlanContents) {
  if (input.services)
    assertDistinct(
      input.services.map((s) => s.serviceId.id),
      ["input", "services"],
    );
  if (input.products)
    assertDistinct(
      input.products.map((p) => p.productId.id),
      ["input", "products"],
    );
}

/** Replaces the plan's services and products with the lists given (lists not given stay). */
async function writeContents(
  tx: Prisma.TransactionClient,
  plan: { id: string; organizationId: string },
  input: PlanContents,
) {
  const base = { organizationId: plan.organizationId, servicePlanId: plan.id };
  if (input.services) {
    const ids = input.services.map((s) => s.serviceId.id);
    await assertAllExist(ids, "Service", (ids) =>
      tx.service.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    );
    await tx.servicePlanService.deleteMany({ where: { servicePlanId: plan.id } });
    await tx.servicePlanService.createMany({
      data: input.services.map((s) => ({ ...base, serviceId: s.serviceId.id, sessions: s.sessions })),
    });
  }
  if (input.products) {
    const ids = input.products.map((p) => p.productId.id);
    await assertAllExist(ids, "Product", (ids) =>
      tx.product.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    );
    await tx.servicePlanProduct.deleteMany({ where: { servicePlanId: plan.id } });
    await tx.servicePlanProduct.createMany({
      data: input.products.map((p) => ({ ...base, productId: p.productId.id, quantity: p.quantity })),
    });
  }
}

/** What the audit log records of a plan's lists. */
async function contentsOf(tx: Prisma.TransactionClient, servicePlanId: string) {
  const [services, products] = await Promise.all([
    tx.servicePlanService.findMany({ where: { servicePlanId }, orderBy: { serviceId: "asc" } }),
    tx.servicePlanProduct.findMany({ where: { servicePlanId }, orderBy: { productId: "asc" } }),
  ]);
  return {
    services: services.map((s) => ({ serviceId: s.serviceId, sessions: s.sessions })),
    products: products.map((p) => ({ productId: p.productId, quantity: p.quantity })),
  };
}

const nameTaken = (error: unknown, name: string | null | undefined) =>
  isUniqueViolation(error) ? new ConflictError(`A service plan named "${name}" already exists`) : error;

builder.mutationField("createServicePlan", (t) =>
  t.field({
    type: ServicePlanRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateServicePlanInput }) },
    resolve: async (_root, { input }, ctx) => {
      assertContentsDistinct(input);
      try {
        return await audited(ctx, async (tx) => {
          const plan = await tx.servicePlan.create({
            data: {
              organizationId: ctx.scope.organizationId as string,
              name: input.name,
              description: input.description ?? null,
              price: input.price,
              currency: input.currency,
              validityDays: input.validityDays,
              accessGrants: input.accessGrants ?? [],
              active: input.active ?? true,
            },
          });
          await writeContents(tx, plan, input);
          return {
            value: plan,
            audit: {
              action: "service_plan.create",
              entityType: "ServicePlan",
              entityId: plan.id,
              after: { ...plan, ...(await contentsOf(tx, plan.id)) },
            },
          };
        });
      } catch (error) {
        throw nameTaken(error, input.name);
      }
    },
  }),
);

builder.mutationField("updateServicePlan", (t) =>
  t.field({
    type: ServicePlanRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: ServicePlanRef }), input: t.arg({ type: UpdateServicePlanInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      assertContentsDistinct(input);
      try {
        return await audited(ctx, async (tx) => {
          const before = await tx.servicePlan.findUnique({ where: { id: id.id } });
          if (!before) throw new NotFoundError("ServicePlan");
          const contentsBefore = await contentsOf(tx, before.id);
          const after = await tx.servicePlan.update({
            where: { id: before.id },
            data: {
              name: input.name ?? undefined,
              description: input.description,
              price: input.price ?? undefined,
              currency: input.currency ?? undefined,
              validityDays: input.validityDays ?? undefined,
              accessGrants: input.accessGrants ?? undefined,
              active: input.active ?? undefined,
            },
          });
          await writeContents(tx, after, input);
          return {
            value: after,
            audit: {
              action: "service_plan.update",
              entityType: "ServicePlan",
              entityId: after.id,
              before: { ...before, ...contentsBefore },
              after: { ...after, ...(await contentsOf(tx, after.id)) },
            },
          };
        });
      } catch (error) {
        throw nameTaken(error, input.name);
      }
    },
  }),
);
