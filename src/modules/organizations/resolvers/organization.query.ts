import { builder } from "../../../graphql/builder.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.queryField("organization", (t) =>
  t.prismaField({
    type: OrganizationRef,
    nullable: true,
    description: "An organization you belong to (or your API key's); null for any other id.",
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: OrganizationRef }) },
    resolve: (query, _root, { id }, { db }) => db.organization.findUnique({ ...query, where: { id: id.id } }),
  }),
);
