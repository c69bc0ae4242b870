import { builder } from "../../graphql/builder.js";

export const SpecialistRef = builder.prismaNode("Specialist", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
    timezone: t.exposeString("timezone"),
  }),
});
