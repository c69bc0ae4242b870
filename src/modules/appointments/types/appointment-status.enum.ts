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
