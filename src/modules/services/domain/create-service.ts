import type { Prisma } from "../../../db/prisma.js";
import type { DeliveryMode } from "../../../generated/prisma/enums.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { type PricingInput, pricingColumns } from "./pricing.js";
import { assertPriceFits, withUniqueServiceName } from "./service-writes.js";

export interface CreateService {
  name: string;
  description?: string | null;
  durationMinutes: number;
  deliveryMode: DeliveryMode;
  pricing: PricingInput;
  /** Defaults to false. */
  requiresPlanSession?: boolean | null;
  /** Defaults to true. */
  active?: boolean | null;
}

/** Adds a service to the actor's organization's catalog; a name it already uses is a conflict. */
export function createService(tx: Prisma.TransactionClient, actor: Actor, input: CreateService) {
  const pricing = pricingColumns(input.pricing);
  assertPriceFits(pricing, input.durationMinutes);
  return withUniqueServiceName(input.name, async () => {
    const service = await tx.service.create({
      data: {
        organizationId: organizationIdOf(actor),
        name: input.name,
        description: input.description ?? null,
        durationMinutes: input.durationMinutes,
        deliveryMode: input.deliveryMode,
        requiresPlanSession: input.requiresPlanSession ?? false,
        active: input.active ?? true,
        ...pricing,
      },
    });
    return {
      value: service,
      audit: { action: "service.create", entityType: "Service", entityId: service.id, after: service },
    } satisfies Audited<typeof service>;
  });
}
