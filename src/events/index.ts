/**
 * Domain events, the platform's outbox: the catalog, `emitEvent` in the transaction of a change,
 * and the subscribers (webhooks, later automations, segments, telemetry) that each handle them
 * in jobs of their own. Imports no module; modules import this file only.
 */

export { handlingEvent } from "../operation/context.js";
export { type EventData, type EventType, eventCatalog, eventTypes } from "./catalog.js";
export { emitEvent, recordEvent } from "./emit-event.js";
export type { EventSubscriber, QueuedEvent, SubscriberContext } from "./subscriber-task.js";
export { subscriberTasks, subscribeToEvents } from "./subscribers.js";
