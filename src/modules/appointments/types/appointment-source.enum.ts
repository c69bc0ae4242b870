import { builder } from "../../../graphql/builder.js";

export const AppointmentSourceEnum = builder.enumType("AppointmentSource", {
  values: {
    staff: { description: "Booked by a member of the staff or an API key." },
    patient: { description: "Booked by the signed-in patient." },
    widget: { description: "Booked through an anonymous booking widget of a published calendar." },
  } as const,
});
