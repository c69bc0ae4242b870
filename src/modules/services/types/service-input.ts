import { z } from "zod";
import { builder } from "../../../graphql/builder.js";
import { description, name } from "../../../validation.js";
import { pricingSchema } from "../domain/pricing.js";
import { BillingModelEnum } from "./billing-model.enum.js";
import { DeliveryModeEnum } from "./delivery-mode.enum.js";

export const durationMinutes = z.number().int().min(1, { message: "must be at least 1" }).max(1440);

export const ServicePricingInput = builder.inputType("ServicePricingInput", {
  description: "Set the fields the billing model needs and leave the others out (or null).",
  validate: pricingSchema,
  fields: (t) => ({
    billingModel: t.field({ type: BillingModelEnum }),
    currency: t.string({ description: "ISO 4217, e.g. EUR." }),
    pricePerSession: t.int({ required: false }),
    basePrice: t.int({ required: false }),
    pricePerUnit: t.int({ required: false }),
    unitMinutes: t.int({ required: false }),
  }),
});

export const CreateServiceInput = builder.inputType("CreateServiceInput", {
  fields: (t) => ({
    name: t.string({ validate: name }),
    description: t.string({ required: false, validate: description }),
    durationMinutes: t.int({ validate: durationMinutes }),
    deliveryMode: t.field({ type: DeliveryModeEnum }),
    pricing: t.field({ type: ServicePricingInput }),
    requiresPlanSession: t.boolean({
      required: false,
      description: "Booking it uses a session of the patient's service plan. Defaults to false.",
    }),
    active: t.boolean({ required: false, description: "Defaults to true." }),
  }),
});

export const UpdateServiceInput = builder.inputType("UpdateServiceInput", {
  description: "Only the fields given change; `pricing` replaces the whole pricing.",
  fields: (t) => ({
    name: t.string({ required: false, validate: name }),
    description: t.string({ required: false, validate: description }),
    durationMinutes: t.int({ required: false, validate: durationMinutes }),
    deliveryMode: t.field({ type: DeliveryModeEnum, required: false }),
    pricing: t.field({ type: ServicePricingInput, required: false }),
    requiresPlanSession: t.boolean({ required: false }),
    active: t.boolean({ required: false }),
  }),
});
