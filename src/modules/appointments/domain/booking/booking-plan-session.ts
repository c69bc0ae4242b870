import type { Prisma } from "../../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../../errors.js";
import { consumePlanSession } from "../../../plans/index.js";

/**
 * Consumes one session of the service for a booking and returns the plan it came from: the plan
 * the booker named (it must be the patient's), or, when the service requires a plan session,
 * the patient's usable plan with a session left that expires first. Null when neither applies.
 * Atomic and never below zero (consumePlanSession locks the plan); ConflictError when none is left.
 */
export async function consumeBookingSession(
  tx: Prisma.TransactionClient,
  booking: { patientId: string; serviceId: string; patientServicePlanId?: string | null; required: boolean },
): Promise<string | null> {
  const { patientId, serviceId } = booking;
  let planId = booking.patientServicePlanId ?? null;
  if (planId) {
    const plan = await tx.patientServicePlan.findFirst({ where: { id: planId, patientId }, select: { id: true } });
    if (!plan) throw new NotFoundError("PatientServicePlan");
  } else if (booking.required) {
    const now = new Date();
    const [balance] = await tx.patientServicePlanBalance.findMany({
      where: {
        serviceId,
        sessionsRemaining: { gt: 0 },
        patientServicePlan: { patientId, status: "active", startsAt: { lte: now }, expiresAt: { gt: now } },
      },
      orderBy: { patientServicePlan: { expiresAt: "asc" } },
      take: 1,
    });
    if (!balance) throw new ConflictError("This service is booked with a plan session, and the patient has none left");
    planId = balance.patientServicePlanId;
  }
  if (planId) await consumePlanSession(tx, planId, serviceId);
  return planId;
}
