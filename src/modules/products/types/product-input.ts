import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { currencyCode, description, minorUnits, name } from "../../../validation.js";
import { ProductKindEnum } from "./product-kind.enum.js";

const sku = z.string().trim().min(1, { message: "must not be empty" }).max(64);

export const CreateProductInput = builder.inputType("CreateProductInput", {
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

export const UpdateProductInput = builder.inputType("UpdateProductInput", {
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
