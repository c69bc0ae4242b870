// Kept for `files/` (the upload flow's folder), which imports `../appointment.type.js`: the type
// itself lives in `types/appointment.type.ts`. Delete this file once `files/` imports
// `../graphql-refs.js` instead.
export { AppointmentRef } from "./types/appointment.type.js";
