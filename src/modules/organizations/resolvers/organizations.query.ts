import { builder } from "../../../graphql/builder.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.queryField("organizations", (t) =>
  t.prismaConnection({
    type: OrganizationRef,
    cursor: "id",
    description: "The organizations you belong to.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, { db }) => db.organization.findMany({ ...query, orderBy: { createdAt: "asc" } }),
  }),
);
