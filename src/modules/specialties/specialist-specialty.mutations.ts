import { isUniqueViolation } from "../../db/errors.js";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../audit/audited.js";
import { SpecialistRef } from "../specialists/specialist.type.js";
import { findSpecialist } from "../specialists/specialists.js";
import { findSpecialty } from "./specialties.js";
import { SpecialtyRef } from "./specialty.type.js";

const SpecialistSpecialtyInput = builder.inputType("SpecialistSpecialtyInput", {
  fields: (t) => ({
    specialistId: t.globalID({ for: SpecialistRef }),
    specialtyId: t.globalID({ for: SpecialtyRef }),
  }),
});

builder.mutationField("attachSpecialty", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Gives a specialist a specialty of the organization.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: SpecialistSpecialtyInput }) },
    resolve: async (_root, { input }, ctx) => {
      try {
        return await audited(ctx, async (tx) => {
          const specialist = await findSpecialist(tx, input.specialistId.id);
          const specialty = await findSpecialty(tx, input.specialtyId.id);
          const link = await tx.specialistSpecialty.create({
            data: { organizationId: specialist.organizationId, specialistId: specialist.id, specialtyId: specialty.id },
          });
          return {
            value: specialist,
            audit: {
              action: "specialist.attach_specialty",
              entityType: "Specialist",
              entityId: specialist.id,
              after: { specialtyId: link.specialtyId },
            },
          };
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new ConflictError("The specialist already has this specialty");
        throw error;
      }
    },
  }),
);

builder.mutationField("detachSpecialty", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Takes a specialty away from a specialist.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: SpecialistSpecialtyInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, async (tx) => {
        const specialist = await findSpecialist(tx, input.specialistId.id);
        const { count } = await tx.specialistSpecialty.deleteMany({
          where: { specialistId: specialist.id, specialtyId: input.specialtyId.id },
        });
        if (count === 0) throw new NotFoundError("SpecialistSpecialty");
        return {
          value: specialist,
          audit: {
            action: "specialist.detach_specialty",
            entityType: "Specialist",
            entityId: specialist.id,
            before: { specialtyId: input.specialtyId.id },
          },
        };
      }),
  }),
);
