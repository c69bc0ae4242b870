// The patients module's surface for other modules: the type they link to, the fields a booking's
// new patient shares, creating one, and what an organization's new onboarding steps change.
export { requiredSteps } from "./domain/onboarding.js";
export { activateOnboardedPatients, createPatientRecord } from "./domain/patients.js";
export { PatientRef } from "./types/patient.type.js";
export { patientFields } from "./types/patient-input.js";
