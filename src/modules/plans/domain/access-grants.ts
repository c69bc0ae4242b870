import type { Prisma } from "../../../db/prisma.js";
import type { AccessGrant } from "../../../generated/prisma/enums.js";

/**
 * The access grants a patient holds now: those of their plans that have started and not
 * expired or been cancelled. A plan whose sessions are used up still grants access until it expires.
 */
export async function patientAccessGrants(
  db: Pick<Prisma.TransactionClient, "patientServicePlan">,
  patientId: string,
  now = new Date(),
): Promise<AccessGrant[]> {
  const plans = await db.patientServicePlan.findMany({
    where: { patientId, status: { in: ["active", "exhausted"] }, startsAt: { lte: now }, expiresAt: { gt: now } },
    select: { accessGrants: true },
  });
  return [...new Set(plans.flatMap((plan) => plan.accessGrants))].sort();
}
