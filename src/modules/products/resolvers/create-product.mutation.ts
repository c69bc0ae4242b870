import { ConflictError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { catalogRoles } from "../../services/index.js";
import { createProduct } from "../domain/create-product.js";
import { ProductRef } from "../types/product.type.js";
import { CreateProductInput } from "../types/product-input.js";

builder.mutationField("createProduct", (t) =>
  t.field({
    type: ProductRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateProductInput }) },
    resolve: (_root, { input }, ctx) => audited(ctx, (tx, actor) => createProduct(tx, actor, input)),
  }),
);
