import type { Prisma } from "../../../db/prisma.js";
import type { AccessGrant } from "../../../generated/prisma/enums.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import {
  assertContentsDistinct,
  contentsOf,
  type PlanContents,
  withUniquePlanName,
  writeContents,
} from "./plan-contents.js";

export interface CreateServicePlan extends PlanContents {
  name: string;
  description?: string | null;
  /** Integer minor units of `currency`. */
  price: number;
  currency: string;
  validityDays: number;
  accessGrants?: AccessGrant[] | null;
  /** Defaults to true. */
  active?: boolean | null;
}

/** Adds a plan to the actor's organization's catalog, with its services and products. */
export function createServicePlan(tx: Prisma.TransactionClient, actor: Actor, input: CreateServicePlan) {
  assertContentsDistinct(input);
  return withUniquePlanName(input.name, async () => {
    const plan = await tx.servicePlan.create({
      data: {
        organizationId: organizationIdOf(actor),
        name: input.name,
        description: input.description ?? null,
        price: input.price,
        currency: input.currency,
        validityDays: input.validityDays,
        accessGrants: input.accessGrants ?? [],
        active: input.active ?? true,
      },
    });
    await writeContents(tx, plan, input);
    return {
      value: plan,
      audit: {
        action: "service_plan.create",
        entityType: "ServicePlan",
        entityId: plan.id,
        after: { ...plan, ...(await contentsOf(tx, plan.id)) },
      },
    } satisfies Audited<typeof plan>;
  });
}
