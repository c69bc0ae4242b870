// The specialists module's surface for other modules.
export { specialistSelection } from "./routes.js";
export { SpecialistRef } from "./specialist.type.js";
export { findSpecialist } from "./specialists.js";
