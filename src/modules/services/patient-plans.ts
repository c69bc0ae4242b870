import type { Prisma } from "../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import type { AccessGrant, PatientServicePlanStatus } from "../../generated/prisma/enums.js";

const DAY_MS = 86_400_000;

/** A plan is active until its expiry even if the job that records `expired` has not run yet. */
export function effectiveStatus(
  plan: { status: PatientServicePlanStatus; expiresAt: Date },
  now = new Date(),
): PatientServicePlanStatus {
  return plan.status === "active" && plan.expiresAt <= now ? "expired" : plan.status;
}

/** The filter matching plans whose {@link effectiveStatus} is `status`. */
export function whereEffectiveStatus(
  status: PatientServicePlanStatus,
  now = new Date(),
): Prisma.PatientServicePlanWhereInput {
  switch (status) {
    case "active":
      return { status: "active", expiresAt: { gt: now } };
    case "expired":
      return { OR: [{ status: "expired" }, { status: "active", expiresAt: { lte: now } }] };
    default:
      return { status };
  }
}

export function expiryOf(startsAt: Date, validityDays: number): Date {
  return new Date(startsAt.getTime() + validityDays * DAY_MS);
}

/**
 * Uses one session of `serviceId` on a patient's plan, inside the caller's transaction: the
 * feature that books or completes a session calls this so the session and its use commit
 * together. Concurrent consumers of one plan are serialized by a row lock on the plan, and the
 * decrement only happens while sessions remain (a CHECK keeps it at zero or above in any case),
 * so the balance never goes below zero. The plan becomes `exhausted` with its last session.
 * Throws NotFoundError (no such plan, or another organization's) or ConflictError (the plan
 * is not usable now, does not include the service, or has no session of it left).
 */
export async function consumePlanSession(
  tx: Prisma.TransactionClient,
  patientServicePlanId: string,
  serviceId: string,
  now = new Date(),
) {
  const [plan] = await tx.$queryRaw<{ status: PatientServicePlanStatus; starts_at: Date; expires_at: Date }[]>`
    SELECT status, starts_at, expires_at FROM patient_service_plans WHERE id = ${patientServicePlanId}::uuid FOR UPDATE`;
  if (!plan) throw new NotFoundError("PatientServicePlan");
  const status = effectiveStatus({ status: plan.status, expiresAt: plan.expires_at }, now);
  if (status !== "active") throw new ConflictError(`The plan is ${status}`);
  if (plan.starts_at > now) throw new ConflictError(`The plan starts at ${plan.starts_at.toISOString()}`);
  const balance = { patientServicePlanId, serviceId };
  const { count } = await tx.patientServicePlanBalance.updateMany({
    where: { ...balance, sessionsRemaining: { gt: 0 } },
    data: { sessionsRemaining: { decrement: 1 } },
  });
  if (count === 0) {
    const included = await tx.patientServicePlanBalance.count({ where: balance });
    throw new ConflictError(
      included ? "No session of this service is left on the plan" : "The plan does not include this service",
    );
  }
  const left = await tx.patientServicePlanBalance.aggregate({
    where: { patientServicePlanId },
    _sum: { sessionsRemaining: true },
  });
  if (!left._sum.sessionsRemaining) {
    await tx.patientServicePlan.update({ where: { id: patientServicePlanId }, data: { status: "exhausted" } });
  }
  return tx.patientServicePlanBalance.findUniqueOrThrow({ where: { patientServicePlanId_serviceId: balance } });
}

/**
 * Gives back one session of a service consumed from a plan (its appointment was cancelled),
 * never above what the plan included; an exhausted plan becomes active again.
 */
export async function restorePlanSession(
  tx: Prisma.TransactionClient,
  patientServicePlanId: string,
  serviceId: string,
) {
  await tx.$executeRaw`UPDATE patient_service_plan_balances SET sessions_remaining = sessions_remaining + 1, updated_at = now()
    WHERE patient_service_plan_id = ${patientServicePlanId}::uuid AND service_id = ${serviceId}::uuid
      AND sessions_remaining < sessions_included`;
  await tx.patientServicePlan.updateMany({
    where: { id: patientServicePlanId, status: "exhausted" },
    data: { status: "active" },
  });
}

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
