import type { z } from "zod";

/**
 * Errors the domain throws on purpose. GraphQL mutations return them as typed results
 * (`... on NotFoundError`); `/v1` maps them to HTTP statuses through `code`.
 */
export abstract class AppError extends Error {
  abstract readonly code: string;
}

export interface FieldIssue {
  /** Path of the offending input field, e.g. `["input", "email"]`. */
  path: string[];
  message: string;
}

export class ValidationError extends AppError {
  readonly code = "VALIDATION_FAILED";
  constructor(readonly fields: FieldIssue[]) {
    super(fields.length === 1 ? `${fields[0]?.path.join(".")}: ${fields[0]?.message}` : "Input is invalid");
    this.name = "ValidationError";
  }

  static fromIssues(
    issues: readonly (Pick<z.core.$ZodIssue, "path" | "message"> & { code?: string; keys?: readonly string[] })[],
    prefix: string[] = [],
  ) {
    return new ValidationError(
      issues.flatMap((i) => {
        const path = [...prefix, ...i.path.map((p) => String(p))];
        // A strict object's unknown keys are reported each at its own path, so clients see which one.
        if (i.code === "unrecognized_keys" && i.keys?.length)
          return i.keys.map((key) => ({ path: [...path, key], message: "is not a known field" }));
        return [{ path, message: i.message }];
      }),
    );
  }
}

export class NotFoundError extends AppError {
  readonly code = "NOT_FOUND";
  constructor(readonly entity: string) {
    super(`${entity} not found`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends AppError {
  readonly code = "CONFLICT";
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export class ForbiddenError extends AppError {
  readonly code = "FORBIDDEN";
  constructor(message = "You are not allowed to do this") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** A lifecycle change not allowed from the entity's current state (e.g. an active patient back to onboarding). */
export class InvalidTransitionError extends AppError {
  readonly code = "INVALID_TRANSITION";
  constructor(
    readonly entity: string,
    readonly from: string,
    readonly to: string,
    reason: string,
  ) {
    super(`${entity} cannot go from ${from} to ${to}: ${reason}`);
    this.name = "InvalidTransitionError";
  }
}

/** How long clients are told to wait (`Retry-After`, seconds) before retrying during an outage. */
export const RETRY_AFTER_SECONDS = 1;

/**
 * PostgreSQL or Redis cannot be reached right now (down, restarting, connections dropped, or no
 * connection free within the acquisition timeout). Retryable: `/v1` answers 503 with `Retry-After`.
 */
export class ServiceUnavailableError extends AppError {
  readonly code = "SERVICE_UNAVAILABLE";
  readonly retryAfterSeconds = RETRY_AFTER_SECONDS;
  constructor(
    readonly dependency: "database" | "redis",
    cause?: unknown,
  ) {
    super(
      `The ${dependency === "database" ? "database" : "hold and live-update store (Redis)"} is unavailable; retry in a moment`,
      { cause },
    );
    this.name = "ServiceUnavailableError";
  }
}
