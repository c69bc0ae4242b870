import type { TaskDefinition } from "../jobs/task.js";
import type { EventType } from "./catalog.js";
import { type EventSubscriber, type SubscriberPayload, subscriberTask } from "./subscriber-task.js";

interface Registered {
  subscriber: EventSubscriber;
  definition: TaskDefinition<SubscriberPayload>;
}

const registered = new Map<string, Registered>();
/** Who wants each event type, as `emitEvent` passes them to SQL; computed once per type. */
const wanting = new Map<EventType, { names: string[]; tasks: string[] }>();

const nameFormat = /^[a-z][a-z0-9_]*$/; // as `event_deliveries_subscriber_check`

/**
 * Subscribes to domain events, at module load: from then on every event it wants that this
 * process emits is queued for it (`event_deliveries`) in the emitter's transaction, and the
 * organization's job of this subscriber is woken (`tenancy.wake_event_subscriber`): one queued at
 * a time, taking every queued event of the organization, batch by batch, whatever other
 * subscribers do. Answers the task to list in the module's `tasks.ts` (the worker also runs the
 * tasks of every subscriber registered in its process).
 *
 * ```ts
 * export const runAutomations = subscribeToEvents({
 *   name: "automations",
 *   task: "run_automations",
 *   eventTypes: ["patient.created"],
 *   handle: async (tx, events, { organizationId }) => { ... },
 * });
 * ```
 */
export function subscribeToEvents(subscriber: EventSubscriber): TaskDefinition<SubscriberPayload> {
  if (!nameFormat.test(subscriber.name))
    throw new Error(`Event subscriber name ${subscriber.name} is not lower_snake_case`);
  if (registered.has(subscriber.name)) throw new Error(`Event subscriber ${subscriber.name} is registered twice`);
  if ([...registered.values()].some((r) => r.subscriber.task === subscriber.task))
    throw new Error(`Event subscribers share the task ${subscriber.task}; each needs its own`);
  const definition = subscriberTask(subscriber);
  registered.set(subscriber.name, { subscriber, definition });
  wanting.clear();
  return definition;
}

/** The subscribers that want `type`: their names and tasks, in registration order. */
export function subscribersOf(type: EventType): { names: string[]; tasks: string[] } {
  let found = wanting.get(type);
  if (!found) {
    const subscribers = [...registered.values()]
      .map((r) => r.subscriber)
      .filter((s) => !s.eventTypes || s.eventTypes.includes(type));
    found = { names: subscribers.map((s) => s.name), tasks: subscribers.map((s) => s.task) };
    wanting.set(type, found);
  }
  return found;
}

/** The tasks of every registered subscriber (the worker runs them). */
export function subscriberTasks(): TaskDefinition<SubscriberPayload>[] {
  return [...registered.values()].map((r) => r.definition);
}
