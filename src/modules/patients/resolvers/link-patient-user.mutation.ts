import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { UserRef } from "../../auth/index.js";
import { linkPatientUser } from "../domain/link-patient-user.js";
import { PatientRef } from "../types/patient.type.js";

const LinkPatientUserInput = builder.inputType("LinkPatientUserInput", {
  fields: (t) => ({
    patientId: t.globalID({ for: PatientRef }),
    userId: t.globalID({
      for: UserRef,
      required: false,
      description: "A member of the organization with the patient role; null unlinks.",
    }),
  }),
});

builder.mutationField("linkPatientUser", (t) =>
  t.field({
    type: PatientRef,
    description: "Links the user account that signs in as this patient (one live patient per user), or unlinks it.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: LinkPatientUserInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        linkPatientUser(tx, actor, { patientId: input.patientId.id, userId: input.userId?.id ?? null }),
      ),
  }),
);
