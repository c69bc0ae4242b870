import { builder } from "../../../graphql/builder.js";

export const AppointmentStatusEnum = builder.enumType("AppointmentStatus", {
  values: {
    booked: { description: "Booked; not yet confirmed or within the reminder window." },
    upcoming: { description: "Confirmed, or within the reminder window before the start." },
    in_progress: { description: "The visit has started." },
    done: { description: "The visit took place." },
    cancelled: { description: "Cancelled by the patient or the staff; the time is free again." },
    no_show: { description: "The patient did not come (marked by staff, or after the end if never started)." },
  } as const,
});

export const AppointmentActorEnum = builder.enumType("AppointmentActor", {
  values: ["patient", "staff", "system"] as const,
});

export const AppointmentSourceEnum = builder.enumType("AppointmentSource", {
  values: {
    staff: { description: "Booked by a member of the staff or an API key." },
    patient: { description: "Booked by the signed-in patient." },
    widget: { description: "Booked through an anonymous booking widget of a published calendar." },
  } as const,
});
