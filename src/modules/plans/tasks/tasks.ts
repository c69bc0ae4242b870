import { expirePatientServicePlan } from "./expire-patient-service-plan.task.js";

export const planTasks = [expirePatientServicePlan];
