import { publishDiagnosticEvent } from "./publish-diagnostic-event.task.js";

export const systemTasks = [publishDiagnosticEvent];
