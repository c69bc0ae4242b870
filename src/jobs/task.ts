import type { z } from "zod";
import type { Container } from "../container.js";
import type { Logger } from "../logger.js";

/**
 * Glossary: a *task* is a named kind of background work with a typed payload (snake_case
 * identifier, as graphile-worker names them); a *job* is one queued run of a task.
 */
export interface TaskDefinition<Payload> {
  identifier: string;
  payload: z.ZodType<Payload>;
  /** Runs one job. Throwing makes graphile-worker retry it with exponential backoff. */
  run(payload: Payload, context: JobContext): Promise<void>;
}

export interface JobContext {
  services: Container;
  log: Logger;
  jobId: string;
  attempts: number;
}

export function defineTask<Payload>(task: TaskDefinition<Payload>): TaskDefinition<Payload> {
  return task;
}
