import { isUniqueViolation } from "../../../db/errors.js";
import type { Prisma } from "../../../db/prisma.js";
import { ConflictError } from "../../../errors.js";
import { assertAllExist, assertDistinct } from "../../services/index.js";

/** A plan's services and products; a list left out stays as it is. */
export interface PlanContents {
  services?: { serviceId: string; sessions: number }[] | null;
  products?: { productId: string; quantity: number }[] | null;
}

/** Refuses a list that names the same service or product twice. */
export function assertContentsDistinct(input: PlanContents) {
  if (input.services)
    assertDistinct(
      input.services.map((s) => s.serviceId),
      ["input", "services"],
    );
  if (input.products)
    assertDistinct(
      input.products.map((p) => p.productId),
      ["input", "products"],
    );
}

/** Replaces the plan's services and products with the lists given (lists not given stay). */
export async function writeContents(
  tx: Prisma.TransactionClient,
  plan: { id: string; organizationId: string },
  input: PlanContents,
) {
  const base = { organizationId: plan.organizationId, servicePlanId: plan.id };
  if (input.services) {
    const ids = input.services.map((s) => s.serviceId);
    await assertAllExist(ids, "Service", (ids) =>
      tx.service.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    );
    await tx.servicePlanService.deleteMany({ where: { servicePlanId: plan.id } });
    await tx.servicePlanService.createMany({
      data: input.services.map((s) => ({ ...base, serviceId: s.serviceId, sessions: s.sessions })),
    });
  }
  if (input.products) {
    const ids = input.products.map((p) => p.productId);
    await assertAllExist(ids, "Product", (ids) =>
      tx.product.findMany({ where: { id: { in: ids } }, select: { id: true } }),
    );
    await tx.servicePlanProduct.deleteMany({ where: { servicePlanId: plan.id } });
    await tx.servicePlanProduct.createMany({
      data: input.products.map((p) => ({ ...base, productId: p.productId, quantity: p.quantity })),
    });
  }
}

/** What the audit log records of a plan's lists. */
export async function contentsOf(tx: Prisma.TransactionClient, servicePlanId: string) {
  const [services, products] = await Promise.all([
    tx.servicePlanService.findMany({ where: { servicePlanId }, orderBy: { serviceId: "asc" } }),
    tx.servicePlanProduct.findMany({ where: { servicePlanId }, orderBy: { productId: "asc" } }),
  ]);
  return {
    services: services.map((s) => ({ serviceId: s.serviceId, sessions: s.sessions })),
    products: products.map((p) => ({ productId: p.productId, quantity: p.quantity })),
  };
}

/** Runs a write that sets a plan's name; a name the organization already uses is a conflict. */
export async function withUniquePlanName<T>(name: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A service plan named "${name}" already exists`);
    throw error;
  }
}
