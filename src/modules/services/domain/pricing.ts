import { z } from "zod";
import type { BillingModel } from "../../../generated/prisma/enums.js";
import { currencyCode, MAX_MINOR_UNITS, minorUnits } from "../../../validation.js";

const priceFields = ["pricePerSession", "basePrice", "pricePerUnit", "unitMinutes"] as const;
type PriceField = (typeof priceFields)[number];

/** The price fields each billing model needs; the others must be left out. */
const fieldsOf: Record<BillingModel, readonly PriceField[]> = {
  session_based: ["pricePerSession"],
  time_based: ["pricePerUnit", "unitMinutes"],
  hybrid: ["basePrice", "pricePerUnit", "unitMinutes"],
};

export interface Pricing {
  billingModel: BillingModel;
  currency: string;
  pricePerSession: number | null;
  basePrice: number | null;
  pricePerUnit: number | null;
  unitMinutes: number | null;
}

/** A service's pricing, checked as a whole: each billing model has exactly the fields it needs. */
export const pricingSchema = z
  .object({
    billingModel: z.enum(["session_based", "time_based", "hybrid"]),
    currency: currencyCode,
    pricePerSession: minorUnits.nullish(),
    basePrice: minorUnits.nullish(),
    pricePerUnit: minorUnits.nullish(),
    unitMinutes: z.number().int().min(1, { message: "must be at least 1" }).max(1440).nullish(),
  })
  .superRefine((pricing, ctx) => {
    const needed = fieldsOf[pricing.billingModel];
    for (const field of priceFields) {
      const given = pricing[field] != null;
      if (needed.includes(field) && !given)
        ctx.addIssue({ code: "custom", path: [field], message: `is required for ${pricing.billingModel} billing` });
      if (!needed.includes(field) && given)
        ctx.addIssue({ code: "custom", path: [field], message: `does not apply to ${pricing.billingModel} billing` });
    }
  });

/** A pricing as given (checked by {@link pricingSchema}): the fields its model does not use may be left out. */
export type PricingInput = z.infer<typeof pricingSchema>;

/** The fields to store: the ones the model does not use are null. */
export function pricingColumns(pricing: PricingInput): Pricing {
  return {
    billingModel: pricing.billingModel,
    currency: pricing.currency,
    pricePerSession: pricing.pricePerSession ?? null,
    basePrice: pricing.basePrice ?? null,
    pricePerUnit: pricing.pricePerUnit ?? null,
    unitMinutes: pricing.unitMinutes ?? null,
  };
}

/**
 * What `minutes` of a service cost, in minor units of its currency: a session-based service
 * costs its session price, a time-based one each started unit, a hybrid one its base plus
 * each started unit.
 */
export function priceFor(pricing: Pricing, minutes: number): number {
  const units = pricing.unitMinutes ? Math.ceil(minutes / pricing.unitMinutes) : 0;
  switch (pricing.billingModel) {
    case "session_based":
      return pricing.pricePerSession ?? 0;
    case "time_based":
      return units * (pricing.pricePerUnit ?? 0);
    case "hybrid":
      return (pricing.basePrice ?? 0) + units * (pricing.pricePerUnit ?? 0);
  }
}

/** A price the API can return (GraphQL `Int`), or the message saying why not. */
export function priceProblem(pricing: Pricing, minutes: number): string | null {
  const price = priceFor(pricing, minutes);
  return price > MAX_MINOR_UNITS ? `makes ${minutes} minutes cost more than ${MAX_MINOR_UNITS} minor units` : null;
}
