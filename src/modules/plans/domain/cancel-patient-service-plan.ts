import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { effectiveStatus } from "./plan-status.js";

/** Cancels an active or exhausted plan: no more sessions, no more access. */
export async function cancelPatientServicePlan(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const before = await tx.patientServicePlan.findUnique({ where: { id } });
  if (!before) throw new NotFoundError("PatientServicePlan");
  const status = effectiveStatus(before);
  // Compare-and-set: a plan consumed or cancelled meanwhile is not overwritten blindly.
  const { count } =
    status === "active" || status === "exhausted"
      ? await tx.patientServicePlan.updateMany({
          where: { id: before.id, status: before.status },
          data: { status: "cancelled", cancelledAt: new Date() },
        })
      : { count: 0 };
  if (!count) throw new ConflictError(`A plan that is ${status} cannot be cancelled`);
  const after = await tx.patientServicePlan.findUniqueOrThrow({ where: { id: before.id } });
  return {
    value: after,
    audit: {
      action: "patient_service_plan.cancel",
      entityType: "PatientServicePlan",
      entityId: after.id,
      before,
      after,
    },
  } satisfies Audited<typeof after>;
}
