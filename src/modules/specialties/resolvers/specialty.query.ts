import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { SpecialtyRef } from "../types/specialty.type.js";

builder.queryField("specialty", (t) =>
  t.prismaField({
    type: SpecialtyRef,
    nullable: true,
    description: "A specialty of the active organization; null for any other id.",
    authScopes: { orgRole: memberRoles },
    args: { id: t.arg.globalID({ for: SpecialtyRef }) },
    resolve: (query, _root, { id }, { db }) => db.specialty.findUnique({ ...query, where: { id: id.id } }),
  }),
);
