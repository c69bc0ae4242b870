// The plans module's surface for other modules: using a session of a patient's plan inside their
// own operation (booking, cancelling), and the type that names a plan.
export { consumePlanSession, restorePlanSession } from "./domain/plan-sessions.js";
export { PatientServicePlanRef } from "./types/patient-service-plan.type.js";
