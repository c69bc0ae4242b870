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

builder.queryField("specialists", (t) =>
  t.prismaConnection({
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
);
