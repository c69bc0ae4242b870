import { operationContext } from "../operation/context.js";

/** What caused an event, as its row records it (`domain_events`). */
export interface Causation {
  requestId: string | null;
  jobId: bigint | null;
  jobTask: string | null;
  causeEventId: string | null;
  depth: number;
}

/**
 * The causation of an event emitted now, from the operation context: the request being served,
 * or the job being run and the event it handles (whose depth this one exceeds by 1). Outside of
 * both (a script, a test) an event has no cause and depth 0.
 */
export function currentCausation(): Causation {
  const { requestId, job, event } = operationContext.getStore() ?? {};
  return {
    requestId: job ? null : (requestId ?? null),
    jobId: job ? BigInt(job.id) : null,
    jobTask: job?.task ?? null,
    causeEventId: event?.id ?? null,
    depth: event ? event.depth + 1 : 0,
  };
}
