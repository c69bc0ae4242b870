import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { UserRef } from "../../auth/index.js";
import { linkSpecialistUser } from "../domain/link-specialist-user.js";
import { SpecialistRef } from "../types/specialist.type.js";

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
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        linkSpecialistUser(tx, actor, { specialistId: input.specialistId.id, userId: input.userId?.id ?? null }),
      ),
  }),
);
