import { builder } from "../../../graphql/builder.js";

export const CalendarSpecialistRef = builder.prismaObject("CalendarSpecialist", {
  fields: (t) => ({
    specialist: t.relation("specialist"),
    weight: t.exposeInt("weight", {
      description: "Share of automatic assignments: 2 takes twice as many as 1.",
    }),
    addedAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
