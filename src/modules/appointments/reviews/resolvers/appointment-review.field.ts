import { builder } from "../../../../graphql/builder.js";
import { AppointmentRef } from "../../graphql-refs.js";

builder.prismaObjectField(AppointmentRef, "review", (t) =>
  t.relation("review", { nullable: true, description: "The patient's review, once they gave one." }),
);
