import { builder } from "../../../graphql/builder.js";
import { MemberRoleEnum } from "./member-role.enum.js";

export const InvitationRef = builder.prismaNode("OrganizationInvitation", {
  name: "Invitation",
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    email: t.exposeString("email"),
    role: t.expose("role", { type: MemberRoleEnum }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
