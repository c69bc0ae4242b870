import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError } from "../../../errors.js";
import type { ProductKind } from "../../../generated/prisma/enums.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { withUniqueSku } from "./unique-sku.js";

/** Only the fields given change; null clears the description and the SKU. */
export interface UpdateProduct {
  name?: string | null;
  description?: string | null;
  kind?: ProductKind | null;
  sku?: string | null;
  price?: number | null;
  currency?: string | null;
  active?: boolean | null;
}

/** Changes a product of the catalog; orders already placed keep their prices. */
export function updateProduct(tx: Prisma.TransactionClient, _actor: Actor, id: string, input: UpdateProduct) {
  return withUniqueSku(input.sku, async () => {
    const before = await tx.product.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("Product");
    const after = await tx.product.update({
      where: { id: before.id },
      data: {
        name: input.name ?? undefined,
        description: input.description,
        kind: input.kind ?? undefined,
        sku: input.sku,
        price: input.price ?? undefined,
        currency: input.currency ?? undefined,
        active: input.active ?? undefined,
      },
    });
    return {
      value: after,
      audit: { action: "product.update", entityType: "Product", entityId: after.id, before, after },
    } satisfies Audited<typeof after>;
  });
}
