import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { catalogRoles } from "../../services/index.js";
import { updateProduct } from "../domain/update-product.js";
import { ProductRef } from "../types/product.type.js";
import { UpdateProductInput } from "../types/product-input.js";

builder.mutationField("updateProduct", (t) =>
  t.field({
    type: ProductRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: ProductRef }), input: t.arg({ type: UpdateProductInput }) },
    resolve: (_root, { id, input }, ctx) => audited(ctx, (tx, actor) => updateProduct(tx, actor, id.id, input)),
  }),
);
