import { builder } from "../../../graphql/builder.js";

export const AppointmentActorEnum = builder.enumType("AppointmentActor", {
  values: ["patient", "staff", "system"] as const,
});
