import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/index.js";
import { attachSpecialty } from "../domain/specialist-specialties.js";
import { SpecialistSpecialtyInput } from "../types/specialist-specialty-input.js";

builder.mutationField("attachSpecialty", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Gives a specialist a specialty of the organization.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: SpecialistSpecialtyInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        attachSpecialty(tx, actor, { specialistId: input.specialistId.id, specialtyId: input.specialtyId.id }),
      ),
  }),
);
