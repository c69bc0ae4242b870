// The appointments GraphQL types other modules' fields (and this module's sub-modules) point at.
// Kept apart from index.ts, whose domain functions jobs load without the schema builder.
export { AppointmentRef } from "./types/appointment.type.js";
