import type { Prisma } from "../../../db/prisma.js";
import type { PatientServicePlanStatus } from "../../../generated/prisma/enums.js";

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
