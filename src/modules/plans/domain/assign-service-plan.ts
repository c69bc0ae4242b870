import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../errors.js";
import { enqueue } from "../../../jobs/enqueue.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findPatient } from "../../services/index.js";
import { expirePatientServicePlan } from "../tasks/expire-patient-service-plan.task.js";
import { expiryOf } from "./plan-status.js";

export interface AssignServicePlan {
  servicePlanId: string;
  patientId: string;
  /** Defaults to now; the plan expires `validityDays` later. */
  startsAt?: Date | null;
}

/**
 * Assigns (or sells) an active plan to a patient: its price, grants and sessions are copied,
 * its expiry computed, and a job queued to record `expired` then.
 */
export async function assignServicePlan(tx: Prisma.TransactionClient, _actor: Actor, input: AssignServicePlan) {
  const patient = await findPatient(tx, input.patientId);
  const plan = await tx.servicePlan.findUnique({ where: { id: input.servicePlanId }, include: { services: true } });
  if (!plan) throw new NotFoundError("ServicePlan");
  if (!plan.active) throw new ConflictError("The service plan is not active");
  const startsAt = input.startsAt ?? new Date();
  const assigned = await tx.patientServicePlan.create({
    data: {
      organizationId: plan.organizationId,
      patientId: patient.id,
      servicePlanId: plan.id,
      price: plan.price,
      currency: plan.currency,
      accessGrants: plan.accessGrants,
      startsAt,
      expiresAt: expiryOf(startsAt, plan.validityDays),
      balances: {
        create: plan.services.map((entry) => ({
          organizationId: plan.organizationId,
          serviceId: entry.serviceId,
          sessionsIncluded: entry.sessions,
          sessionsRemaining: entry.sessions,
        })),
      },
    },
  });
  await enqueue(
    tx,
    expirePatientServicePlan,
    { id: assigned.id },
    { runAt: assigned.expiresAt, jobKey: `patient_service_plan_expiry:${assigned.id}` },
  );
  return {
    value: assigned,
    audit: {
      action: "patient_service_plan.assign",
      entityType: "PatientServicePlan",
      entityId: assigned.id,
      after: assigned,
    },
  } satisfies Audited<typeof assigned>;
}
