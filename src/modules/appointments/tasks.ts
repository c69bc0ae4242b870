import { advanceAppointment } from "./advance-appointment.task.js";
import { videoTasks } from "./video/tasks.js";

export const appointmentTasks = [advanceAppointment, ...videoTasks];
