import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../errors.js";
import type { PatientServicePlanStatus } from "../../../generated/prisma/enums.js";
import { effectiveStatus } from "./plan-status.js";

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
