import { z } from "zod";
import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { currencyCode, minorUnits, name } from "../../validation.js";
import { ProductKindEnum } from "./enums.js";
import { ProductRef } from "./product.type.js";
import { catalogRoles } from "./roles.js";
import { description } from "./service-input.js";

const sku = z.string().trim().min(1, { message: "must not be empty" }).max(64);

const CreateProductInput = builder.inputType("CreateProductInput", {
  fields: (t) => ({
    name: t.string({ validate: name }),
    description: t.string({ required: false, validate: description }),
    kind: t.field({ type: ProductKindEnum }),
    sku: t.string({ required: false, validate: sku, description: "Unique in the organization." }),
    price: t.int({ validate: minorUnits, description: "Integer minor units of `currency`." }),
    currency: t.string({ validate: currencyCode }),
    active: t.boolean({ required: false, description: "Defaults to true." }),
  }),
});

const UpdateProductInput = builder.inputType("UpdateProductInput", {
  description: "Only the fields given change. Orders already placed keep their prices.",
  fields: (t) => ({
    name: t.string({ required: false, validate: name }),
    description: t.string({ required: false, validate: description }),
    kind: t.field({ type: ProductKindEnum, required: false }),
    sku: t.string({ required: false, validate: sku }),
    price: t.int({ required: false, validate: minorUnits }),
    currency: t.string({ required: false, validate: currencyCode }),
    active: t.boolean({ required: false }),
  }),
});

const skuTaken = (error: unknown, sku: string | null | undefined) =>
  isUniqueViolation(error) ? new ConflictError(`A product with SKU "${sku}" already exists`) : error;

builder.mutationField("createProduct", (t) =>
  t.field({
    type: ProductRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [ConflictError] },
    args: { input: t.arg({ type: CreateProductInput }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return await audited(ctx, async (tx) => {
          const product = await tx.product.create({
            data: {
              organizationId: ctx.scope.organizationId as string,
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
          };
        });
      } catch (error) {
        throw skuTaken(error, input.sku);
      }
    },
  }),
);

builder.mutationField("updateProduct", (t) =>
  t.field({
    type: ProductRef,
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: ProductRef }), input: t.arg({ type: UpdateProductInput }) },
    resolve: async (_root, { id, input }, ctx) => {
      try {
        return await audited(ctx, async (tx) => {
          const before = await tx.product.findUnique({ where: { id: id.id } });
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
          };
        });
      } catch (error) {
        throw skuTaken(error, input.sku);
      }
    },
  }),
);
