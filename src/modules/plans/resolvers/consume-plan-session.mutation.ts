import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { ServiceRef, sessionRoles } from "../../services/index.js";
import { usePlanSession } from "../domain/use-plan-session.js";
import { PatientServicePlanRef } from "../types/patient-service-plan.type.js";

const ConsumePlanSessionInput = builder.inputType("ConsumePlanSessionInput", {
  fields: (t) => ({
    patientServicePlanId: t.globalID({ for: PatientServicePlanRef }),
    serviceId: t.globalID({ for: ServiceRef }),
  }),
});

builder.mutationField("consumePlanSession", (t) =>
  t.field({
    type: PatientServicePlanRef,
    description:
      "Uses one session of a service on a patient's plan. Never goes below zero, however many run at once; the last session makes the plan `exhausted`.",
    authScopes: { orgRole: sessionRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: ConsumePlanSessionInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        usePlanSession(tx, actor, {
          patientServicePlanId: input.patientServicePlanId.id,
          serviceId: input.serviceId.id,
        }),
      ),
  }),
);
