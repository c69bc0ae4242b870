/** What a `/v1` route sees of its request. */
export interface V1Request {
  params: Record<string, string>;
  query: URLSearchParams;
  /** The JSON body; always an object (`{}` when empty). */
  body: Record<string, unknown>;
  headers: Headers;
}

/**
 * A `/v1` path answered by running one GraphQL operation, so REST clients get the same
 * auth, tenancy, validation and audit as GraphQL clients.
 */
export interface V1Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Express-style path, e.g. `/v1/organizations/:id`. */
  path: string;
  /** The GraphQL document; its single root field's value is the response body. */
  document: string;
  variables?: (request: V1Request) => Record<string, unknown>;
  /** Status on success; 204 sends no body. */
  status?: 200 | 201 | 202 | 204;
  /** Shapes the root field's value into the response body (e.g. {@link connectionBody}). */
  body?: (value: unknown) => unknown;
  /**
   * For a nested path whose operation does not take every id of the path: a query run first
   * that must find the path's parent (its root field's value passes `found`), else 404.
   */
  within?: V1Within;
}

/** A parent of a nested `/v1` path, checked before the route's own operation (see {@link V1Route.within}). */
export interface V1Within {
  document: string;
  variables?: (request: V1Request) => Record<string, unknown>;
  found: (value: unknown, request: V1Request) => boolean;
}

/** `:id` is the caller's active organization (the only one row-level security lets its operation see). */
export const withinActiveOrganization: V1Within = {
  document: "query V1ActiveOrganization { me { activeOrganization { id } } }",
  found: (me, { params }) => (me as { activeOrganization: { id: string } | null }).activeOrganization?.id === params.id,
};

/**
 * `:id` is the parent of the child that `childParam` names: the child (a node of `type`) is read
 * and its `parentField` must be `:id`, e.g. `/v1/appointments/:id/files/:fileId`.
 */
export function withinParentOf(type: string, parentField: string, childParam: string): V1Within {
  return {
    document: `query V1ParentOf($id: ID!) { node(id: $id) { ... on ${type} { ${parentField} { id } } } }`,
    variables: ({ params }) => ({ id: params[childParam] }),
    found: (node, { params }) => (node as Record<string, { id: string } | undefined>)[parentField]?.id === params.id,
  };
}

interface Connection {
  edges: { node: unknown }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A Relay connection as REST clients expect a page: `{ data: [...], pageInfo: { hasNextPage, endCursor } }`. */
export function connectionBody(value: unknown): unknown {
  const connection = value as Connection;
  return { data: connection.edges.map((e) => e.node), pageInfo: connection.pageInfo };
}

/** Selection of a connection for {@link connectionBody}, around the node's fields. */
export const connectionSelection = (nodeFields: string) =>
  `edges { node { ${nodeFields} } } pageInfo { hasNextPage endCursor }`;

/** `?first=&after=` as connection variables; a malformed `first` reaches GraphQL and answers 400. */
export function pageVariables(query: URLSearchParams): { first?: unknown; after?: string } {
  const first = query.get("first");
  return {
    first: first === null ? undefined : /^\d+$/.test(first) ? Number(first) : first,
    after: query.get("after") ?? undefined,
  };
}

/** `?name=true|false` as a Boolean variable; any other value reaches GraphQL as a string and answers 400. */
export function booleanParam(query: URLSearchParams, name: string): unknown {
  const value = query.get(name);
  return value === "true" ? true : value === "false" ? false : (value ?? undefined);
}

/**
 * Selection to add to a mutation result so `/v1` can map it: the success payload's `data`,
 * or the typed error with its fields.
 */
export const errorSelection = `__typename ... on Error { code message } ... on ValidationError { fields { path message } }`;

/** An operation document whose result is typed: `data { <fields> }` of the `payload` type, or an error. */
export const typedResultDocument = (operation: string, call: string, payload: string, fields: string) =>
  `${operation} { ${call} { ${errorSelection} ... on ${payload} { data { ${fields} } } } }`;

/** A mutation document for `/v1`: the typed error, or the success payload's `data { <fields> }`. */
export const mutationDocument = (signature: string, call: string, payload: string, fields: string) =>
  typedResultDocument(`mutation ${signature}`, call, payload, fields);
