import { deliverWebhooks } from "./deliver-webhooks.task.js";
import { fanOutWebhookEvents } from "./fan-out-webhook-events.task.js";
import { replayWebhookEventsTask } from "./replay-webhook-events.task.js";

export const webhookTasks = [fanOutWebhookEvents, deliverWebhooks, replayWebhookEventsTask];
