import { builder } from "../../../../graphql/builder.js";

export const AppointmentReviewRef = builder.prismaNode("AppointmentReview", {
  nullable: true,
  id: { field: "id" },
  description: "A patient's rating (1 to 5) and comment on a done appointment: one per appointment.",
  fields: (t) => ({
    rating: t.exposeInt("rating"),
    comment: t.exposeString("comment", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    appointment: t.relation("appointment"),
    specialist: t.relation("specialist"),
    patient: t.relation("patient"),
  }),
});
