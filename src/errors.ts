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
