import { builder } from "../../../graphql/builder.js";
import { PatientRef } from "../../patients/patient.type.js";
import { readerRoles } from "../../services/index.js";
import { whereEffectiveStatus } from "../domain/plan-status.js";
import { PatientServicePlanRef } from "../types/patient-service-plan.type.js";
import { PatientServicePlanStatusEnum } from "../types/patient-service-plan-status.enum.js";
import { ServicePlanRef } from "../types/service-plan.type.js";

const PatientServicePlanFilter = builder.inputType("PatientServicePlanFilter", {
  fields: (t) => ({
    patientId: t.globalID({ for: PatientRef, required: false }),
    servicePlanId: t.globalID({ for: ServicePlanRef, required: false }),
    status: t.field({ type: PatientServicePlanStatusEnum, required: false }),
  }),
});

builder.queryField("patientServicePlans", (t) =>
  t.prismaConnection({
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
);
