import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { SpecialistRef } from "../../specialists/index.js";
import { detachSpecialty } from "../domain/specialist-specialties.js";
import { SpecialistSpecialtyInput } from "../types/specialist-specialty-input.js";

builder.mutationField("detachSpecialty", (t) =>
  t.field({
    type: SpecialistRef,
    description: "Takes a specialty away from a specialist.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: SpecialistSpecialtyInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        detachSpecialty(tx, actor, { specialistId: input.specialistId.id, specialtyId: input.specialtyId.id }),
      ),
  }),
);
