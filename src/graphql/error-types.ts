import {
  type AppError,
  ConflictError,
  type FieldIssue,
  ForbiddenError,
  InvalidTransitionError,
  NotFoundError,
  ServiceUnavailableError,
  ValidationError,
} from "../errors.js";
import { builder } from "./builder.js";

/** Every typed error a mutation can return implements this, so clients can select `... on Error`. */
export const ErrorInterface = builder.interfaceRef<AppError>("Error").implement({
  fields: (t) => ({
    message: t.exposeString("message"),
    code: t.exposeString("code", { description: "Stable machine-readable code, e.g. NOT_FOUND." }),
  }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  description: "One invalid input field.",
  fields: (t) => ({
    path: t.exposeStringList("path", { description: 'Path from the argument, e.g. ["input", "email"].' }),
    message: t.exposeString("message"),
  }),
});

builder.objectType(ValidationError, {
  name: "ValidationError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ fields: t.field({ type: [FieldIssueRef], resolve: (e) => e.fields }) }),
});

builder.objectType(NotFoundError, {
  name: "NotFoundError",
  interfaces: [ErrorInterface],
  fields: (t) => ({ entity: t.exposeString("entity") }),
});

builder.objectType(ConflictError, { name: "ConflictError", interfaces: [ErrorInterface] });
builder.objectType(ForbiddenError, { name: "ForbiddenError", interfaces: [ErrorInterface] });

builder.objectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    entity: t.exposeString("entity"),
    from: t.exposeString("from", { description: "The state the entity is in." }),
    to: t.exposeString("to", { description: "The state the change would have led to." }),
  }),
});

builder.objectType(ServiceUnavailableError, {
  name: "ServiceUnavailableError",
  description:
    "A dependency (the database, or Redis for holds and live updates) is unavailable for a moment: retry after `retryAfterSeconds`. A booking retried with the same idempotency key never books twice.",
  interfaces: [ErrorInterface],
  fields: (t) => ({
    dependency: t.exposeString("dependency", { description: "`database` or `redis`." }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds"),
  }),
});
