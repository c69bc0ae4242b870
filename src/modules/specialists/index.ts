// The specialists module's surface for other modules.
export { specialistSelection } from "./routes.js";
export { SpecialistRef } from "./types/specialist.type.js";
export { findSpecialist } from "./domain/specialists.js";
