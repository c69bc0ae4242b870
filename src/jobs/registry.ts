import { appointmentTasks } from "../modules/appointments/tasks/tasks.js";
import { planTasks } from "../modules/plans/tasks/tasks.js";
import { systemTasks } from "../modules/system/tasks/tasks.js";
import { webhookTasks } from "../modules/webhooks/tasks/tasks.js";
import type { TaskDefinition } from "./task.js";

/** Every task the worker runs; each module contributes its list. */
// biome-ignore lint/suspicious/noExplicitAny: payload types differ per task; each is checked by its own schema
export const tasks: TaskDefinition<any>[] = [...systemTasks, ...planTasks, ...webhookTasks, ...appointmentTasks];
