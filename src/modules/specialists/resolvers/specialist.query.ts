import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { SpecialistRef } from "../types/specialist.type.js";

builder.queryField("specialist", (t) =>
  t.prismaField({
    type: SpecialistRef,
    nullable: true,
    description: "A specialist of the active organization; null for any other id.",
    authScopes: { orgRole: memberRoles },
    args: { id: t.arg.globalID({ for: SpecialistRef }) },
    resolve: (query, _root, { id }, { db }) => db.specialist.findUnique({ ...query, where: { id: id.id } }),
  }),
);
