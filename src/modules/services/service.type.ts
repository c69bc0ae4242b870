import { builder } from "../../graphql/builder.js";

export const ServiceRef = builder.prismaNode("Service", {
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    name: t.exposeString("name"),
    durationMinutes: t.exposeInt("durationMinutes"),
  }),
});
