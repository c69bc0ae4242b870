import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { UserRef } from "../auth/user.type.js";
import { SpecialistRef } from "./specialist.type.js";
import { findSpecialist } from "./specialists.js";

const LinkSpecialistUserInput = builder.inputType("LinkSpecialistUserInput", {
  fields: (t) => ({
    specialistId: t.globalID({ for: SpecialistRef }),
    userId: t.globalID({
      for: UserRef,
      required: false,
      description: "A member of the organization with any role but patient; null unlinks.",
    }),
  }),
});

builder.mutationField("linkSpecialistUser", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Links the user account that signs in as this specialist (one profile per user), or unlinks it.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: LinkSpecialistUserInput }) },
    resolve: async (_root, { input }, ctx) => {
      const userId = input.userId?.id ?? null;
      try {
        return await audited(ctx, async (tx) => {
          const before = await findSpecialist(tx, input.specialistId.id);
          if (userId) {
            const membership = await tx.userOrganization.findFirst({
              where: { organizationId: before.organizationId, userId },
            });
            if (!membership) throw new NotFoundError("User");
            if (membership.role === "patient") throw new ConflictError("A patient member cannot be a specialist");
          }
          const after = await tx.specialist.update({ where: { id: before.id }, data: { userId } });
          return {
            value: after,
            audit: { action: "specialist.link_user", entityType: "Specialist", entityId: after.id, before, after },
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError("That user is already linked to another specialist");
        throw error;
      }
    },
  }),
);
