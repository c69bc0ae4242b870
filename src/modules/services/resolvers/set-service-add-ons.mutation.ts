import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { setServiceAddOns } from "../domain/service-links.js";
import { catalogRoles } from "../roles.js";
import { ServiceRef } from "../types/service.type.js";
import { SetServiceAddOnsInput } from "../types/service-links-input.js";

builder.mutationField("setServiceAddOns", (t) =>
  t.field({
    type: ServiceRef,
    description: "Replaces the services that can be added to a booking of this one.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: SetServiceAddOnsInput }) },
    resolve: (_root, { input }, ctx) =>
      audited(ctx, (tx, actor) =>
        setServiceAddOns(tx, actor, {
          serviceId: input.serviceId.id,
          addOnServiceIds: input.addOnServiceIds.map((id) => id.id),
        }),
      ),
  }),
);
