import { builder } from "../../../graphql/builder.js";
import { managerRoles, staffRoles } from "../../../identity/roles.js";

export const OrganizationRef = builder.prismaNode("Organization", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString("name"),
    slug: t.exposeString("slug"),
    timezone: t.exposeString("timezone"),
    locale: t.exposeString("locale"),
    settings: t.expose("settings", { type: "JSON" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
    members: t.relatedConnection("members", {
      cursor: "id",
      authScopes: { orgRole: staffRoles },
      query: { orderBy: { createdAt: "asc" } },
    }),
    invitations: t.relatedConnection("invitations", {
      cursor: "id",
      description: "Invitations not yet accepted or revoked.",
      authScopes: { orgRole: managerRoles },
      query: { where: { acceptedAt: null, revokedAt: null }, orderBy: { createdAt: "desc" } },
    }),
    apiKeys: t.relatedConnection("apiKeys", {
      cursor: "id",
      authScopes: { orgRole: managerRoles },
      query: { orderBy: { createdAt: "desc" } },
    }),
    integrations: t.relatedConnection("integrations", {
      cursor: "id",
      authScopes: { orgRole: managerRoles },
      query: { orderBy: { provider: "asc" } },
    }),
  }),
});
