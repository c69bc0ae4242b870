import { builder } from "../../graphql/builder.js";

export const SpecialistRef = builder.prismaNode("Specialist", {
  id: { field: "id" },
  fields: (t) => ({
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    active: t.exposeBoolean("active"),
  }),
});
