import { advanceAppointment } from "./advance-appointment.task.js";

export const appointmentTasks = [advanceAppointment];
