import { builder } from "../../../graphql/builder.js";
import { MemberRoleEnum } from "./member-role.enum.js";

export const MembershipRef = builder.prismaNode("UserOrganization", {
  name: "Membership",
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    role: t.expose("role", { type: MemberRoleEnum }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    user: t.relation("user"),
    organization: t.relation("organization"),
  }),
});
