import { builder } from "../../../graphql/builder.js";
import { MemberRoleEnum } from "./member-role.enum.js";

export const ApiKeyRef = builder.prismaNode("ApiKey", {
  id: { field: "id" },
  nullable: true,
  description: "A server-to-server credential. The key itself is shown only when created.",
  fields: (t) => ({
    name: t.exposeString("name"),
    prefix: t.exposeString("prefix", { description: "The key's first characters, to recognise it." }),
    role: t.expose("role", { type: MemberRoleEnum }),
    lastUsedAt: t.expose("lastUsedAt", {
      type: "DateTime",
      nullable: true,
      description: "Updated at most once a minute.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", nullable: true }),
    revokedAt: t.expose("revokedAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
