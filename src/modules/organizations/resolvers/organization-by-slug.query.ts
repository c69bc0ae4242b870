import { builder } from "../../../graphql/builder.js";
import { OrganizationRef } from "../types/organization.type.js";

builder.queryField("organizationBySlug", (t) =>
  t.prismaField({
    type: OrganizationRef,
    nullable: true,
    authScopes: { authenticated: true },
    args: { slug: t.arg.string() },
    resolve: (query, _root, { slug }, { db }) => db.organization.findUnique({ ...query, where: { slug } }),
  }),
);
