import { appendFileSync, readFileSync } from "node:fs";
import {
  buildSchema,
  type FieldNode,
  GraphQLObjectType,
  Kind,
  type OperationDefinitionNode,
  parse,
  print,
} from "graphql";
import pg from "pg";
import { expect } from "vitest";

/**
 * The audit rule, checked on every call the suite makes through `gql()` and `v1()`: a mutation
 * that succeeds writes exactly one audit row, one that fails writes none. Test servers register
 * their database here; each mutation's rows are counted by the request id the server echoes.
 * (A suite-wide check drives every mutation the tests drive, with the inputs they already build.)
 */

/** Mutations that change no audited state, with why. */
const unaudited = new Map<string, string>([
  ["extendHold", "changes a hold's expiry in Redis; placing the hold and the booking that consumes it are audited"],
  ["releaseHold", "as extendHold"],
]);

/** `/v1` paths of those mutations. */
const unauditedPaths: RegExp[] = [/^\/v1\/holds\/[^/]+(\/extend)?$/];

const pools = new Map<string, pg.Pool>();

/** Counts the audit rows of `url`'s requests in `databaseUrl` until {@link forgetAuditedServer}. */
export function registerAuditedServer(url: string, databaseUrl: string): void {
  pools.set(url, new pg.Pool({ connectionString: databaseUrl, max: 2, allowExitOnIdle: true }));
}

export async function forgetAuditedServer(url: string): Promise<void> {
  const pool = pools.get(url);
  pools.delete(url);
  await pool?.end();
}

let errorTypeNames: Set<string> | undefined;
function errorTypes(): Set<string> {
  errorTypeNames ??= new Set(
    Object.values(buildSchema(readFileSync("schema.graphql", "utf8")).getTypeMap())
      .filter((type) => type instanceof GraphQLObjectType && type.getInterfaces().some((i) => i.name === "Error"))
      .map((type) => type.name),
  );
  return errorTypeNames;
}

const typenameKey = "__auditTrailTypename";

export interface MutationCheck {
  /** The document to send: the test's, with each root field's `__typename` asked under a private alias. */
  query: string;
  /**
   * Strips what {@link query} added from `result`, then counts the request's audit rows.
   * `retryKey` names a request that may replay an earlier one (its idempotency key and caller).
   */
  verify(result: GraphQLResult, requestId: string | null, since: Date, retryKey?: string | null): Promise<void>;
}

interface GraphQLResult {
  data?: Record<string, unknown> | null;
  errors?: { path?: readonly (string | number)[] }[];
}

/** A check for a mutation sent to a registered server; null for anything else. */
export function mutationCheck(baseUrl: string, query: string): MutationCheck | null {
  const pool = pools.get(baseUrl);
  if (!pool) return null;
  let document: ReturnType<typeof parse>;
  try {
    document = parse(query);
  } catch {
    return null;
  }
  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const [operation] = operations;
  if (operations.length !== 1 || operation?.operation !== "mutation") return null;
  const fields = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === Kind.FIELD);
  const typename: FieldNode = {
    kind: Kind.FIELD,
    alias: { kind: Kind.NAME, value: typenameKey },
    name: { kind: Kind.NAME, value: "__typename" },
  };
  const withTypenames = {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition !== operation
        ? definition
        : {
            ...operation,
            selectionSet: {
              ...operation.selectionSet,
              selections: operation.selectionSet.selections.map((selection) =>
                selection.kind === Kind.FIELD && selection.selectionSet
                  ? {
                      ...selection,
                      selectionSet: {
                        ...selection.selectionSet,
                        selections: [...selection.selectionSet.selections, typename],
                      },
                    }
                  : selection,
              ),
            },
          },
    ),
  };
  return {
    query: print(withTypenames),
    async verify(result, requestId, since, retryKey) {
      const succeeded: string[] = [];
      for (const field of fields) {
        const key = field.alias?.value ?? field.name.value;
        const value = result.data?.[key];
        const typenames = stripTypenames(value);
        const failed =
          value == null ||
          result.errors?.some((error) => error.path?.[0] === key) ||
          typenames.some((name) => errorTypes().has(name));
        if (!failed && !unaudited.has(field.name.value)) succeeded.push(field.name.value);
      }
      if (!requestId) throw new Error("A mutation's answer carries no x-request-id");
      const rows = await auditRows(pool, requestId, since);
      if (!sameOperation(retryKey, rows.length, succeeded.length)) {
        report(
          `mutation ${operation.name?.value ?? "(anonymous)"}: ${succeeded.length} succeeded root field(s) [${succeeded.join(", ")}], ` +
            `${rows.length} audit row(s) [${rows.join(", ")}]`,
        );
      }
    },
  };
}

/** Counts the audit rows of a successful `/v1` write (one per call), or of a refused one (none). */
export async function verifyV1Write(
  baseUrl: string,
  method: string,
  path: string,
  status: number,
  requestId: string | null,
  since: Date,
  retryKey?: string | null,
): Promise<void> {
  const pool = pools.get(baseUrl);
  if (!pool || method === "GET" || !path.startsWith("/v1/")) return;
  if (unauditedPaths.some((pattern) => pattern.test(path))) return;
  if (!requestId) throw new Error(`${method} ${path} answered without x-request-id`);
  const expected = status >= 200 && status < 300 ? 1 : 0;
  const rows = await auditRows(pool, requestId, since);
  if (!sameOperation(retryKey, rows.length, expected)) {
    report(
      `${method} ${path} → ${status}: expected ${expected} audit row(s), found ${rows.length} [${rows.join(", ")}]`,
    );
  }
}

const rowsByRetryKey = new Map<string, number>();

/**
 * Whether `rows` audit rows fit `succeeded` successful operations. A retry with an idempotency
 * key answers the first request's result and changes nothing, so of all the requests sharing a
 * key, exactly one writes the row (concurrent ones in any order).
 */
function sameOperation(retryKey: string | null | undefined, rows: number, succeeded: number): boolean {
  if (!retryKey || succeeded !== 1) return rows === succeeded;
  const total = (rowsByRetryKey.get(retryKey) ?? 0) + rows;
  rowsByRetryKey.set(retryKey, total);
  return rows <= 1 && total <= 1;
}

/** The key under which a request may replay an earlier one: its idempotency key, for its caller. */
export function retryKeyOf(headers: Record<string, string>, payload: unknown): string | null {
  const header = (name: string) => Object.entries(headers).find(([given]) => given.toLowerCase() === name)?.[1];
  const key = header("idempotency-key") ?? idempotencyKeyIn(payload);
  return key ? `${header("authorization") ?? ""} ${key}` : null;
}

function idempotencyKeyIn(value: unknown): string | undefined {
  if (!value || typeof value !== "object") return undefined;
  for (const [name, inner] of Object.entries(value)) {
    if (name === "idempotencyKey" && typeof inner === "string") return inner;
    const found = idempotencyKeyIn(inner);
    if (found) return found;
  }
  return undefined;
}

/** When a request starts, as its audit rows' `created_at` (milliseconds, rounded) can compare. */
export const requestStart = () => new Date(Date.now() - 2);

async function auditRows(pool: pg.Pool, requestId: string, since: Date): Promise<string[]> {
  const { rows } = await pool.query<{ action: string }>(
    "SELECT action FROM audit_log WHERE request_id = $1 AND created_at >= $2 ORDER BY created_at",
    [requestId, since],
  );
  return rows.map((row) => row.action);
}

function stripTypenames(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(stripTypenames);
  if (!value || typeof value !== "object") return [];
  const record = value as Record<string, unknown>;
  const name = record[typenameKey];
  delete record[typenameKey];
  return typeof name === "string" ? [name] : [];
}

/** `AUDIT_TRAIL_SURVEY=<file>` lists every breach in the file instead of failing the test (to review them at once). */
function report(breach: string): void {
  const survey = process.env.AUDIT_TRAIL_SURVEY;
  if (survey)
    appendFileSync(
      survey,
      `${expect.getState().testPath ?? ""} › ${expect.getState().currentTestName ?? ""}: ${breach}\n`,
    );
  else throw new Error(`Audit rule broken: ${breach}`);
}
