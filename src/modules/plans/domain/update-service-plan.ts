import type { Prisma } from "../../../db/prisma.js";
import { NotFoundError } from "../../../errors.js";
import type { AccessGrant } from "../../../generated/prisma/enums.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import {
  assertContentsDistinct,
  contentsOf,
  type PlanContents,
  withUniquePlanName,
  writeContents,
} from "./plan-contents.js";

/** Only the fields given change; `services` and `products` replace the whole lists. */
export interface UpdateServicePlan extends PlanContents {
  name?: string | null;
  description?: string | null;
  price?: number | null;
  currency?: string | null;
  validityDays?: number | null;
  accessGrants?: AccessGrant[] | null;
  active?: boolean | null;
}

/** Changes a plan of the catalog; plans already assigned keep what they were sold with. */
export function updateServicePlan(tx: Prisma.TransactionClient, _actor: Actor, id: string, input: UpdateServicePlan) {
  assertContentsDistinct(input);
  return withUniquePlanName(input.name, async () => {
    const before = await tx.servicePlan.findUnique({ where: { id } });
    if (!before) throw new NotFoundError("ServicePlan");
    const contentsBefore = await contentsOf(tx, before.id);
    const after = await tx.servicePlan.update({
      where: { id: before.id },
      data: {
        name: input.name ?? undefined,
        description: input.description,
        price: input.price ?? undefined,
        currency: input.currency ?? undefined,
        validityDays: input.validityDays ?? undefined,
        accessGrants: input.accessGrants ?? undefined,
        active: input.active ?? undefined,
      },
    });
    await writeContents(tx, after, input);
    return {
      value: after,
      audit: {
        action: "service_plan.update",
        entityType: "ServicePlan",
        entityId: after.id,
        before: { ...before, ...contentsBefore },
        after: { ...after, ...(await contentsOf(tx, after.id)) },
      },
    } satisfies Audited<typeof after>;
  });
}
