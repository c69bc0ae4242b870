import { builder } from "../../../graphql/builder.js";

export const UserRef = builder.prismaNode("User", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    email: t.exposeString("email", { nullable: true }),
    firstName: t.exposeString("firstName", { nullable: true }),
    lastName: t.exposeString("lastName", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
