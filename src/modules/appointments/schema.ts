import "./enums.js";
import "./appointment.type.js";
import "./errors.js";
import "./booking.type.js";
import "./book-appointment.mutation.js";
import "./appointments.query.js";
import "./status.mutations.js";
import "./reschedule-appointment.mutation.js";
