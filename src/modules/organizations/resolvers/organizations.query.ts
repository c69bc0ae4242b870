import { builder } from "../../../graphql/builder.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.queryFields((t) => ({
  organization: t.prismaField({
    type: OrganizationRef,
    nullable: true,
    description: "An organization you belong to (or your API key's); null for any other id.",
    authScopes: { authenticated: true },
    args: { id: t.arg.globalID({ for: OrganizationRef }) },
    resolve: (query, _root, { id }, { db }) => db.organization.findUnique({ ...query, where: { id: id.id } }),
  }),
  organizationBySlug: t.prismaField({
    type: OrganizationRef,
    nullable: true,
    authScopes: { authenticated: true },
    args: { slug: t.arg.string() },
    resolve: (query, _root, { slug }, { db }) => db.organization.findUnique({ ...query, where: { slug } }),
  }),
  organizations: t.prismaConnection({
    type: OrganizationRef,
    cursor: "id",
    description: "The organizations you belong to.",
    authScopes: { authenticated: true },
    resolve: (query, _root, _args, { db }) => db.organization.findMany({ ...query, orderBy: { createdAt: "asc" } }),
  }),
}));
