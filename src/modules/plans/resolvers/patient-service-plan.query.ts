import { builder } from "../../../graphql/builder.js";
import { readerRoles } from "../../services/index.js";
import { PatientServicePlanRef } from "../types/patient-service-plan.type.js";

builder.queryField("patientServicePlan", (t) =>
  t.prismaField({
    type: PatientServicePlanRef,
    nullable: true,
    description:
      "One patient's plan; null for an unknown id, another organization's, or (for a patient) someone else's.",
    authScopes: { orgRole: readerRoles },
    args: { id: t.arg.globalID({ for: PatientServicePlanRef }) },
    resolve: (query, _root, { id }, ctx) => ctx.db.patientServicePlan.findUnique({ ...query, where: { id: id.id } }),
  }),
);
