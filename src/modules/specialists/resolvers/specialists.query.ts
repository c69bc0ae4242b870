import { wordPrefixWhere } from "../../../db/search.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { SpecialistRef } from "../types/specialist.type.js";

const SpecialistFilter = builder.inputType("SpecialistFilter", {
  fields: (t) => ({
    search: t.string({
      required: false,
      description: "Start of the first or last name; with several words, each must match.",
    }),
    active: t.boolean({ required: false }),
  }),
});

builder.queryFields((t) => ({
  specialist: t.prismaField({
    type: SpecialistRef,
    nullable: true,
    description: "A specialist of the active organization; null for any other id.",
    authScopes: { orgRole: memberRoles },
    args: { id: t.arg.globalID({ for: SpecialistRef }) },
    resolve: (query, _root, { id }, { db }) => db.specialist.findUnique({ ...query, where: { id: id.id } }),
  }),
  specialists: t.prismaConnection({
    type: SpecialistRef,
    cursor: "id",
    description: "The active organization's specialists by name.",
    authScopes: { orgRole: memberRoles },
    args: { filter: t.arg({ type: SpecialistFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) =>
      db.specialist.findMany({
        ...query,
        where: { ...wordPrefixWhere(filter?.search, ["firstName", "lastName"]), active: filter?.active ?? undefined },
        orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      }),
  }),
}));
