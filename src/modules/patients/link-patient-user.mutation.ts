import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { UserRef } from "../auth/user.type.js";
import { PatientRef } from "./patient.type.js";
import { lockLivePatient } from "./patients.js";

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
    resolve: async (_root, { input }, ctx) => {
      const userId = input.userId?.id ?? null;
      try {
        return await audited(ctx, async (tx) => {
          const before = await lockLivePatient(tx, input.patientId.id);
          if (userId) {
            const membership = await tx.userOrganization.findFirst({
              where: { organizationId: before.organizationId, userId },
            });
            if (!membership) throw new NotFoundError("User");
            if (membership.role !== "patient") {
              throw new ConflictError(`That user is a member with the ${membership.role} role, not a patient`);
            }
          }
          const after = await tx.patient.update({ where: { id: before.id }, data: { userId } });
          return {
            value: after,
            audit: { action: "patient.link_user", entityType: "Patient", entityId: after.id, before, after },
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError("That user is already linked to another patient");
        throw error;
      }
    },
  }),
);
