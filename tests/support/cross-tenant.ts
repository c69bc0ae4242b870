import { Kind, type OperationDefinitionNode, parse } from "graphql";
import { describe, expect, it } from "vitest";
import type { TypedDocumentString } from "../generated/graphql.js";
import type { Headers } from "./auth.js";
import { type GraphQLResponse, gql } from "./graphql.js";
import { v1 } from "./v1.js";

/**
 * Table-driven cross-tenant tests: a caller of one organization names another organization's ids
 * in GraphQL operations and `/v1` paths; each row says what it must answer, and the other
 * organization's data is checked unchanged after every row. A new module's cross-tenant test is
 * then a list of rows:
 *
 *   describeCrossTenant("A's owner with B's patients", {
 *     server, as: () => a.owner, unchanged: expectBUnchanged, ids: () => ({ patient: theirs.id }),
 *     operations: [operation(Archive, () => ({ id: theirs.id }), notFound("Patient"))],
 *     routes: [["DELETE", "/v1/patients/:patient"]],
 *   });
 */

type Response = GraphQLResponse<Record<string, unknown>>;

/** What a row must answer: an assertion on the whole GraphQL response (async when it checks more afterwards). */
export type Outcome = (response: Response) => void | Promise<void>;

/** The value of the operation's only root field, answered without error. */
function rootValue(response: Response): unknown {
  expect(response.errors).toBeUndefined();
  const values = Object.values(response.data ?? {});
  expect(values).toHaveLength(1);
  return values[0];
}

/** A typed `NotFoundError` (of `entity`, when given): what another organization's id answers. */
export const notFound =
  (entity?: string): Outcome =>
  (response) =>
    expect(rootValue(response)).toMatchObject({
      __typename: "NotFoundError",
      code: "NOT_FOUND",
      ...(entity === undefined ? {} : { entity }),
    });

/** Refused before it runs, for this kind of caller in any organization: no data and a FORBIDDEN error. */
export const forbidden: Outcome = (response) => {
  expect(response.data ?? null).toBeNull();
  expect(response.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
};

/** Nothing at all: the root field is null, an empty list, or a connection without edges. */
export const empty: Outcome = (response) => {
  const value = rootValue(response);
  if (Array.isArray(value)) expect(value).toEqual([]);
  else if (value !== null) expect(value).toMatchObject({ edges: [] });
};

/** A connection of exactly these edges (e.g. the caller's own rows only), without error; built when the test runs. */
export const edges =
  (expected: () => unknown[]): Outcome =>
  (response) =>
    expect((rootValue(response) as { edges?: unknown } | null)?.edges).toEqual(expected());

/** A connection, without error, none of whose nodes is `id` (the caller's own rows may be there too). */
export const excludes =
  (id: () => string): Outcome =>
  (response) => {
    const connection = rootValue(response) as { edges: { node: { id: string } }[] };
    expect(connection.edges.map((edge) => edge.node.id)).not.toContain(id());
  };

/** Exactly this data, without error (e.g. the caller's own rows only); built when the test runs. */
export const answers =
  (data: () => unknown): Outcome =>
  (response) =>
    expect(response).toEqual({ data: data() });

export interface CrossTenantOperation {
  name: string;
  run(url: string, headers: Headers): Promise<Response>;
  outcome: Outcome;
}

function rootFieldOf(document: TypedDocumentString<unknown, unknown>): string {
  const definition = parse(document.toString()).definitions.find(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const field = definition?.selectionSet.selections[0];
  return field?.kind === Kind.FIELD ? field.name.value : "operation";
}

/**
 * One row: `document` with `variables` (built when the test runs, from the other organization's
 * ids) and the outcome it must have. The test is named by the root field, then `detail`.
 */
export function operation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: () => TVariables,
  outcome: Outcome,
  detail?: string,
): CrossTenantOperation {
  const field = rootFieldOf(document as TypedDocumentString<unknown, unknown>);
  return {
    name: detail ? `${field}: ${detail}` : field,
    run: (url, headers) => gql(url, document, variables(), headers) as Promise<Response>,
    outcome,
  };
}

/** A `/v1` call naming the other organization's ids as `:name` in its path or body; it must answer 404 NOT_FOUND. */
export type CrossTenantRoute = [method: string, path: string, body?: Record<string, unknown>];

export interface CrossTenantChecks {
  server: { url: string };
  /** The caller's headers, read when each test runs. */
  as: () => Headers;
  operations?: CrossTenantOperation[];
  routes?: CrossTenantRoute[];
  /** The ids that fill the routes' `:name` placeholders; other `:text` stays as it is. */
  ids?: () => Record<string, string>;
  /** Fails when the other organization's data changed; runs after every row. */
  unchanged?: () => Promise<void>;
}

/** A describe block of one test per operation and per route. */
export function describeCrossTenant(title: string, checks: CrossTenantChecks): void {
  const fill = (text: string) => {
    const ids = checks.ids?.() ?? {};
    return text.replace(/:(\w+)/g, (placeholder, name: string) => ids[name] ?? placeholder);
  };
  describe(title, () => {
    for (const { name, run, outcome } of checks.operations ?? []) {
      it(name, async () => {
        await outcome(await run(checks.server.url, checks.as()));
        await checks.unchanged?.();
      });
    }
    if (!checks.routes?.length) return;
    it.each(checks.routes)("%s %s", async (method, path, body) => {
      const filledBody = body === undefined ? undefined : JSON.parse(fill(JSON.stringify(body)));
      const response = await v1(checks.server.url, method, fill(path), checks.as(), filledBody);
      expect(response.status).toBe(404);
      expect(response.body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
      await checks.unchanged?.();
    });
  });
}
