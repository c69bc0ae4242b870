import { z } from "zod";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { enqueue } from "../../jobs/enqueue.js";
import { audited } from "../../operation/audited.js";
import { PatientRef } from "../patients/patient.type.js";
import { findPatient } from "./catalog-lookups.js";
import { expirePatientServicePlan } from "./expire-patient-service-plan.task.js";
import { consumePlanSession, effectiveStatus, expiryOf } from "./patient-plans.js";
import { PatientServicePlanRef } from "./patient-service-plan.type.js";
import { catalogRoles, sessionRoles } from "./roles.js";
import { ServiceRef } from "./service.type.js";
import { ServicePlanRef } from "./service-plan.type.js";

const AssignServicePlanInput = builder.inputType("AssignServicePlanInput", {
  fields: (t) => ({
    servicePlanId: t.globalID({ for: ServicePlanRef }),
    patientId: t.globalID({ for: PatientRef }),
    startsAt: t.field({
      type: "DateTime",
      required: false,
      description: "Defaults to now; the plan expires `validityDays` later.",
      validate: z.date().refine((d) => Math.abs(d.getTime() - Date.now()) < 366 * 86_400_000, {
        message: "must be within a year from now",
      }),
    }),
  }),
});

const ConsumePlanSessionInput = builder.inputType("ConsumePlanSessionInput", {
  fields: (t) => ({
    patientServicePlanId: t.globalID({ for: PatientServicePlanRef }),
    serviceId: t.globalID({ for: ServiceRef }),
  }),
});

builder.mutationField("assignServicePlan", (t) =>
  t.field({
    type: PatientServicePlanRef,
    description:
      "Assigns (or sells) an active plan to a patient: its price, grants and sessions are copied, its expiry is computed.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: AssignServicePlanInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, async (tx) => {
        const patient = await findPatient(tx, input.patientId.id);
        const plan = await tx.servicePlan.findUnique({
          where: { id: input.servicePlanId.id },
          include: { services: true },
        });
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
        };
      }),
  }),
);

builder.mutationField("cancelPatientServicePlan", (t) =>
  t.field({
    type: PatientServicePlanRef,
    description: "Cancels an active or exhausted plan: no more sessions, no more access.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientServicePlanRef }) },
    resolve: (_root, { id }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await tx.patientServicePlan.findUnique({ where: { id: id.id } });
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
        };
      }),
  }),
);

builder.mutationField("consumePlanSession", (t) =>
  t.field({
    type: PatientServicePlanRef,
    description:
      "Uses one session of a service on a patient's plan. Never goes below zero, however many run at once; the last session makes the plan `exhausted`.",
    authScopes: { orgRole: sessionRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: ConsumePlanSessionInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, async (tx) => {
        const planId = input.patientServicePlanId.id;
        const balance = await consumePlanSession(tx, planId, input.serviceId.id);
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
        };
      }),
  }),
);
