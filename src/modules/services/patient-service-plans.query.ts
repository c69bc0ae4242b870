import { builder } from "../../graphql/builder.js";
import { PatientRef } from "../patients/patient.type.js";
import { PatientServicePlanStatusEnum } from "./enums.js";
import { whereEffectiveStatus } from "./patient-plans.js";
import { PatientServicePlanRef } from "./patient-service-plan.type.js";
import { readerRoles } from "./roles.js";
import { ServicePlanRef } from "./service-plan.type.js";

const PatientServicePlanFilter = builder.inputType("PatientServicePlanFilter", {
  fields: (t) => ({
    patientId: t.globalID({ for: PatientRef, required: false }),
    servicePlanId: t.globalID({ for: ServicePlanRef, required: false }),
    status: t.field({ type: PatientServicePlanStatusEnum, required: false }),
  }),
});

builder.queryFields((t) => ({
  patientServicePlans: t.prismaConnection({
    type: PatientServicePlanRef,
    cursor: "id",
    description: "Plans assigned to patients, newest first. A patient sees only their own.",
    authScopes: { orgRole: readerRoles },
    args: { filter: t.arg({ type: PatientServicePlanFilter, required: false }) },
    resolve: (query, _root, { filter }, ctx) =>
      ctx.db.patientServicePlan.findMany({
        ...query,
        where: {
          patientId: filter?.patientId?.id,
          servicePlanId: filter?.servicePlanId?.id,
          ...(filter?.status ? whereEffectiveStatus(filter.status) : {}),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
  patientServicePlan: t.prismaField({
    type: PatientServicePlanRef,
    nullable: true,
    description:
      "One patient's plan; null for an unknown id, another organization's, or (for a patient) someone else's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: PatientServicePlanRef }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.patientServicePlan.findUnique({ ...query, where: { id: id.id } }),
  }),
}));
