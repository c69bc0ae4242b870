// The appointments module's surface for other modules, jobs and automations: its domain functions
// (booking, rescheduling, the lifecycle verbs) and the announcement a committed cancellation makes.
// GraphQL types other modules point at are in graphql-refs.ts; the composition root assembles the
// module from schema.ts, routes.ts, tasks/tasks.ts, settings.ts and video/config.ts.
export { announceAppointmentTime } from "./domain/announce-appointment-time.js";
export { type BookingRequest, bookAppointment } from "./domain/booking/book-appointment.js";
export type { BookingDeps } from "./domain/booking/booking-operation.js";
export {
  type RescheduleDatabase,
  type RescheduleRequest,
  rescheduleAppointment,
} from "./domain/booking/reschedule-appointment.js";
export { type SlotChoice, slotChoice } from "./domain/booking/slot-choice.js";
export { type CancelAppointment, cancelAppointment } from "./domain/lifecycle/cancel-appointment.js";
export { completeAppointment } from "./domain/lifecycle/complete-appointment.js";
export { confirmAppointment } from "./domain/lifecycle/confirm-appointment.js";
export { markAppointmentNoShow } from "./domain/lifecycle/mark-appointment-no-show.js";
export { startAppointment } from "./domain/lifecycle/start-appointment.js";
