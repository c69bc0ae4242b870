import { deliverWebhooks } from "./deliver-webhooks.task.js";
import { fanOutWebhookEvent } from "./fan-out-webhook-event.task.js";
import { replayWebhookEventsTask } from "./replay-webhook-events.task.js";

export const webhookTasks = [fanOutWebhookEvent, deliverWebhooks, replayWebhookEventsTask];
