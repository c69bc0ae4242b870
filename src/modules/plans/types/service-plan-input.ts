import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { currencyCode, description, minorUnits, name } from "../../../validation.js";
import { ProductRef } from "../../products/index.js";
import { ServiceRef } from "../../services/index.js";
import { AccessGrantEnum } from "./access-grant.enum.js";

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

export const CreateServicePlanInput = builder.inputType("CreateServicePlanInput", {
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

export const UpdateServicePlanInput = builder.inputType("UpdateServicePlanInput", {
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

interface PlanContentsArgs {
  services?: { serviceId: { id: string }; sessions: number }[] | null;
  products?: { productId: { id: string }; quantity: number }[] | null;
}

/** A plan input's services and products with raw ids, as the domain functions take them. */
export function planContentsOf(input: PlanContentsArgs) {
  return {
    services: input.services?.map((entry) => ({ serviceId: entry.serviceId.id, sessions: entry.sessions })),
    products: input.products?.map((entry) => ({ productId: entry.productId.id, quantity: entry.quantity })),
  };
}
