import type { Prisma } from "../../../db/prisma.js";
import type { DeliveryMode } from "../../../generated/prisma/enums.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findService } from "./catalog-lookups.js";
import { type PricingInput, pricingColumns } from "./pricing.js";
import { assertPriceFits, withUniqueServiceName } from "./service-writes.js";

/** Only the fields given change; `pricing` replaces the whole pricing; null clears the description. */
export interface UpdateService {
  name?: string | null;
  description?: string | null;
  durationMinutes?: number | null;
  deliveryMode?: DeliveryMode | null;
  pricing?: PricingInput | null;
  requiresPlanSession?: boolean | null;
  active?: boolean | null;
}

export function updateService(tx: Prisma.TransactionClient, _actor: Actor, id: string, input: UpdateService) {
  return withUniqueServiceName(input.name, async () => {
    const before = await findService(tx, id);
    const pricing = input.pricing ? pricingColumns(input.pricing) : null;
    assertPriceFits(pricing ?? before, input.durationMinutes ?? before.durationMinutes);
    const after = await tx.service.update({
      where: { id: before.id },
      data: {
        name: input.name ?? undefined,
        description: input.description,
        durationMinutes: input.durationMinutes ?? undefined,
        deliveryMode: input.deliveryMode ?? undefined,
        requiresPlanSession: input.requiresPlanSession ?? undefined,
        active: input.active ?? undefined,
        ...pricing,
      },
    });
    return {
      value: after,
      audit: { action: "service.update", entityType: "Service", entityId: after.id, before, after },
    } satisfies Audited<typeof after>;
  });
}
