// The specialists module's surface for other modules.

export { findSpecialist } from "./domain/specialists.js";
export { specialistSelection } from "./routes.js";
export { SpecialistRef } from "./types/specialist.type.js";
