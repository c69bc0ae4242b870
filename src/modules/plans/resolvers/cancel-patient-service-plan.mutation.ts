import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { catalogRoles } from "../../services/index.js";
import { cancelPatientServicePlan } from "../domain/cancel-patient-service-plan.js";
import { PatientServicePlanRef } from "../types/patient-service-plan.type.js";

builder.mutationField("cancelPatientServicePlan", (t) =>
  t.field({
    type: PatientServicePlanRef,
    description: "Cancels an active or exhausted plan: no more sessions, no more access.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: PatientServicePlanRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => cancelPatientServicePlan(tx, actor, id.id)),
  }),
);
