import { z } from "zod";
import { defineTask } from "../../../jobs/task.js";
import { systemAudit } from "../../../operation/audited.js";

/**
 * Records `expired` on a patient's plan once its expiry has passed (queued for `expiresAt`
 * when the plan is assigned). Reads already treat the plan as expired from that instant;
 * this makes the stored status agree, with its audit row.
 */
export const expirePatientServicePlan = defineTask({
  identifier: "expire_patient_service_plan",
  payload: z.object({ id: z.uuid() }),
  async run({ id }, { services, log }) {
    await services.adminDb.$transaction(async (tx) => {
      const { count } = await tx.patientServicePlan.updateMany({
        where: { id, status: "active", expiresAt: { lte: new Date() } },
        data: { status: "expired" },
      });
      if (!count) return log.info({ id }, "plan is not due to expire; nothing to do");
      const plan = await tx.patientServicePlan.findUniqueOrThrow({ where: { id } });
      await systemAudit(tx, plan.organizationId, {
        action: "patient_service_plan.expire",
        entityType: "PatientServicePlan",
        entityId: id,
        before: { status: "active" },
        after: { status: "expired" },
      });
    });
  },
});
