import { builder } from "../../graphql/builder.js";

export const PatientRef = builder.prismaNode("Patient", {
  id: { field: "id" },
  fields: (t) => ({
    firstName: t.exposeString("firstName"),
    lastName: t.exposeString("lastName"),
  }),
});
