import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { consumePlanSession } from "./plan-sessions.js";

export interface UsePlanSession {
  patientServicePlanId: string;
  serviceId: string;
}

/**
 * The `consumePlanSession` operation on its own, recorded as such: one session of a service
 * used on a patient's plan. (A feature that uses a session as part of its own operation, such
 * as booking, calls {@link consumePlanSession} inside it instead: its operation's row records it.)
 */
export async function usePlanSession(tx: Prisma.TransactionClient, _actor: Actor, input: UsePlanSession) {
  const planId = input.patientServicePlanId;
  const balance = await consumePlanSession(tx, planId, input.serviceId);
  const plan = await tx.patientServicePlan.findUniqueOrThrow({ where: { id: planId } });
  return {
    value: plan,
    audit: {
      action: "patient_service_plan.consume_session",
      entityType: "PatientServicePlan",
      entityId: planId,
      before: { sessionsRemaining: { [balance.serviceId]: balance.sessionsRemaining + 1 }, status: "active" },
      after: { sessionsRemaining: { [balance.serviceId]: balance.sessionsRemaining }, status: plan.status },
    },
  } satisfies Audited<typeof plan>;
}
