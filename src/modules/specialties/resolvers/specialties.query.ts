import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { SpecialtyRef } from "../types/specialty.type.js";

builder.queryField("specialties", (t) =>
  t.prismaConnection({
    type: SpecialtyRef,
    cursor: "id",
    description: "The active organization's specialties by name.",
    authScopes: { orgRole: memberRoles },
    resolve: (query, _root, _args, { db }) =>
      db.specialty.findMany({ ...query, orderBy: [{ name: "asc" }, { id: "asc" }] }),
  }),
);
