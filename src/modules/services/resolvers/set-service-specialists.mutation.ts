import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { setServiceSpecialists } from "../domain/service-links.js";
import { catalogRoles } from "../roles.js";
import { ServiceRef } from "../types/service.type.js";
import { SetServiceSpecialistsInput } from "../types/service-links-input.js";

builder.mutationField("setServiceSpecialists", (t) =>
  t.field({
    type: ServiceRef,
    description: "Replaces who can deliver a service.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: SetServiceSpecialistsInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        setServiceSpecialists(tx, actor, {
          serviceId: input.serviceId.id,
          specialistIds: input.specialistIds.map((id) => id.id),
        }),
      ),
  }),
);
