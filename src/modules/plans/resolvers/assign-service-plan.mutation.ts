import { z } from "zod";
import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { PatientRef } from "../../patients/patient.type.js";
import { catalogRoles } from "../../services/index.js";
import { assignServicePlan } from "../domain/assign-service-plan.js";
import { PatientServicePlanRef } from "../types/patient-service-plan.type.js";
import { ServicePlanRef } from "../types/service-plan.type.js";

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

builder.mutationField("assignServicePlan", (t) =>
  t.field({
    type: PatientServicePlanRef,
    description:
      "Assigns (or sells) an active plan to a patient: its price, grants and sessions are copied, its expiry is computed.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: AssignServicePlanInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        assignServicePlan(tx, actor, {
          servicePlanId: input.servicePlanId.id,
          patientId: input.patientId.id,
          startsAt: input.startsAt,
        }),
      ),
  }),
);
