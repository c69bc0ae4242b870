import { videoTasks } from "../video/tasks/tasks.js";
import { advanceAppointment } from "./advance-appointment.task.js";

export const appointmentTasks = [advanceAppointment, ...videoTasks];
