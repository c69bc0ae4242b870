import {
  type AppError,
  ConflictError,
  type ErrorType,
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

const registered = new Map<string, ErrorType>();
const registeredNames = new Set<string>();

/** Every error type registered with GraphQL, by code: what `/v1` answers each code with. */
export const errorTypes = (): ReadonlyMap<string, ErrorType> => registered;

/** The GraphQL names of the registered error types (a test checks the schema has no other `Error`). */
export const errorTypeNames = (): ReadonlySet<string> => registeredNames;

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

type ErrorObjectOptions<E extends AppError> = Omit<
  PothosSchemaTypes.ObjectTypeOptions<Types, E>,
  "interfaces" | "isTypeOf"
> & { name: string };

/** Registers an error type as a GraphQL object implementing `Error`; its code must be unique. */
export function errorObjectType<E extends AppError>(type: ErrorType<E>, options: ErrorObjectOptions<E>) {
  const known = registered.get(type.code);
  if (known && known !== type) throw new Error(`Two error types declare the code ${type.code}`);
  registered.set(type.code, type);
  registeredNames.add(options.name);
  return builder.objectType(type, { ...options, interfaces: [ErrorInterface] } as never);
}

const FieldIssueRef = builder.objectRef<FieldIssue>("FieldIssue").implement({
  description: "One invalid input field.",
  fields: (t) => ({
    path: t.exposeStringList("path", { description: 'Path from the argument, e.g. ["input", "email"].' }),
    message: t.exposeString("message"),
  }),
});

errorObjectType(ValidationError, {
  name: "ValidationError",
  fields: (t) => ({ fields: t.field({ type: [FieldIssueRef], resolve: (e) => e.fields }) }),
});

errorObjectType(NotFoundError, {
  name: "NotFoundError",
  fields: (t) => ({ entity: t.exposeString("entity") }),
});

errorObjectType(ConflictError, { name: "ConflictError" });
errorObjectType(ForbiddenError, { name: "ForbiddenError" });

errorObjectType(InvalidTransitionError, {
  name: "InvalidTransitionError",
  fields: (t) => ({
    entity: t.exposeString("entity"),
    from: t.exposeString("from", { description: "The state the entity is in." }),
    to: t.exposeString("to", { description: "The state the change would have led to." }),
  }),
});

errorObjectType(ServiceUnavailableError, {
  name: "ServiceUnavailableError",
  description:
    "A dependency (the database, or Redis for holds and live updates) is unavailable for a moment: retry after `retryAfterSeconds`. A booking retried with the same idempotency key never books twice.",
  fields: (t) => ({
    dependency: t.exposeString("dependency", { description: "`database` or `redis`." }),
    retryAfterSeconds: t.exposeInt("retryAfterSeconds"),
  }),
});
