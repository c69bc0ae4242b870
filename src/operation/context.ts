import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What an asynchronous flow works for, so what it does can name its cause without passing it
 * down every call: the HTTP server sets it around each request (`requestId`), the job runner
 * around each job (`job`), and a subscriber around handling an event (`event`). Events record it
 * as their causation (`src/events/`); log lines carry the request's id.
 */
export interface OperationContext {
  /** The request being served (its `x-request-id`). */
  requestId?: string;
  /** The graphile-worker job being run. */
  job?: { id: string; task: string };
  /** The event being handled: what the flow emits is one step deeper than it. */
  event?: { id: string; depth: number };
}

export const operationContext = new AsyncLocalStorage<OperationContext>();

/** Runs `work` as part of handling `event` (within the current job, if any). */
export function handlingEvent<T>(event: { id: string; depth: number }, work: () => T): T {
  return operationContext.run({ ...operationContext.getStore(), event: { id: event.id, depth: event.depth } }, work);
}
