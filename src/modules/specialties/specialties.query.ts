import { builder } from "../../graphql/builder.js";
import { memberRoles } from "../../identity/roles.js";
import { SpecialtyRef } from "./specialty.type.js";

builder.queryFields((t) => ({
  specialty: t.prismaField({
    type: SpecialtyRef,
    nullable: true,
    description: "A specialty of the active organization; null for any other id.",
    authScopes: { orgRole: memberRoles },
    args: { id: t.arg.globalID({ for: SpecialtyRef }) },
    resolve: (query, _root, { id }, { db }) => db.specialty.findUnique({ ...query, where: { id: id.id } }),
  }),
  specialties: t.prismaConnection({
    type: SpecialtyRef,
    cursor: "id",
    description: "The active organization's specialties by name.",
    authScopes: { orgRole: memberRoles },
    resolve: (query, _root, _args, { db }) =>
      db.specialty.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
}));
