import type { Prisma } from "../../../db/prisma.js";
import type { ProductKind } from "../../../generated/prisma/enums.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { withUniqueSku } from "./unique-sku.js";

export interface CreateProduct {
  name: string;
  description?: string | null;
  kind: ProductKind;
  /** Unique in the organization. */
  sku?: string | null;
  /** Integer minor units of `currency`. */
  price: number;
  currency: string;
  /** Defaults to true. */
  active?: boolean | null;
}

/** Adds a product to the actor's organization's catalog. */
export function createProduct(tx: Prisma.TransactionClient, actor: Actor, input: CreateProduct) {
  return withUniqueSku(input.sku, async () => {
    const product = await tx.product.create({
      data: {
        organizationId: organizationIdOf(actor),
        name: input.name,
        description: input.description ?? null,
        kind: input.kind,
        sku: input.sku ?? null,
        price: input.price,
        currency: input.currency,
        active: input.active ?? true,
      },
    });
    return {
      value: product,
      audit: { action: "product.create", entityType: "Product", entityId: product.id, after: product },
    } satisfies Audited<typeof product>;
  });
}
