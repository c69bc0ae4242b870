import { builder } from "../../../graphql/builder.js";
import { effectiveStatus } from "../domain/plan-status.js";
import { AccessGrantEnum } from "./access-grant.enum.js";
import { PatientServicePlanStatusEnum } from "./patient-service-plan-status.enum.js";

export const PlanSessionBalanceRef = builder.prismaObject("PatientServicePlanBalance", {
  name: "PlanSessionBalance",
  description: "Sessions of one service on a patient's plan.",
  fields: (t) => ({
    service: t.relation("service"),
    sessionsIncluded: t.exposeInt("sessionsIncluded"),
    sessionsRemaining: t.exposeInt("sessionsRemaining"),
  }),
});

export const PatientServicePlanRef = builder.prismaNode("PatientServicePlan", {
  nullable: true,
  id: { field: "id" },
  description:
    "A plan assigned or sold to a patient. Price, validity, access grants and sessions are those of the plan when it was assigned.",
  fields: (t) => ({
    patient: t.relation("patient"),
    servicePlan: t.relation("servicePlan"),
    status: t.field({
      type: PatientServicePlanStatusEnum,
      description: "`expired` as soon as `expiresAt` passes.",
      resolve: (plan) => effectiveStatus(plan),
    }),
    price: t.exposeInt("price", { description: "Integer minor units of `currency`." }),
    currency: t.exposeString("currency"),
    accessGrants: t.expose("accessGrants", { type: [AccessGrantEnum] }),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    cancelledAt: t.expose("cancelledAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    sessionsRemaining: t.int({
      description: "Sessions left, all services together.",
      select: { balances: { select: { sessionsRemaining: true } } },
      resolve: (plan) => plan.balances.reduce((sum, balance) => sum + balance.sessionsRemaining, 0),
    }),
    balances: t.relatedConnection("balances", {
      cursor: "patientServicePlanId_serviceId",
      description: "Sessions per service.",
      query: { orderBy: { serviceId: "asc" } },
    }),
  }),
});
