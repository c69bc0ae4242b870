import type { z } from "zod";

/**
 * Errors the domain throws on purpose. GraphQL mutations return them as typed results
 * (`... on NotFoundError`); `/v1` answers them with the HTTP status their type declares.
 */
export abstract class AppError extends Error {
  /** Stable machine-readable code, e.g. `NOT_FOUND`: the one its type declares. */
  get code(): string {
    return (this.constructor as unknown as ErrorType).code;
  }
}

/**
 * An error type, as it is defined: its stable code and the HTTP status `/v1` answers it with.
 * Every type a client can receive is registered with GraphQL through `errorObjectType`, which
 * requires both, so no code reaches `/v1` without a status.
 */
export interface ErrorType<E extends AppError = AppError> {
  // biome-ignore lint/suspicious/noExplicitAny: any constructor; only its statics matter here.
  new (...args: any[]): E;
  readonly code: string;
  readonly httpStatus: number;
}

export interface FieldIssue {
  /** Path of the offending input field, e.g. `["input", "email"]`. */
  path: string[];
  message: string;
}

export class ValidationError extends AppError {
  static readonly code = "VALIDATION_FAILED";
  static readonly httpStatus = 422;
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
  static readonly code = "NOT_FOUND";
  static readonly httpStatus = 404;
  constructor(readonly entity: string) {
    super(`${entity} not found`);
    this.name = "NotFoundError";
  }
}

export class ConflictError extends AppError {
  static readonly code = "CONFLICT";
  static readonly httpStatus = 409;
  constructor(message: string) {
    super(message);
    this.name = "ConflictError";
  }
}

export class ForbiddenError extends AppError {
  static readonly code = "FORBIDDEN";
  static readonly httpStatus = 403;
  constructor(message = "You are not allowed to do this") {
    super(message);
    this.name = "ForbiddenError";
  }
}

/** A lifecycle change not allowed from the entity's current state (e.g. an active patient back to onboarding). */
export class InvalidTransitionError extends AppError {
  static readonly code = "INVALID_TRANSITION";
  static readonly httpStatus = 409;
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
  static readonly code = "SERVICE_UNAVAILABLE";
  static readonly httpStatus = 503;
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
