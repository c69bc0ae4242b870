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

/** How `/v1` reads a query parameter (see {@link queryParams}). */
export type QueryParam =
  | "string"
  | "boolean"
  | "int"
  | "list"
  /** Every value of a parameter whose name differs from the variable's, e.g. `?status=a&status=b` → `statuses`. */
  | { list: string };

const readParam = (query: URLSearchParams, name: string, kind: QueryParam): unknown => {
  if (typeof kind === "object" || kind === "list") {
    const values = query.getAll(typeof kind === "object" ? kind.list : name);
    return values.length ? values : undefined;
  }
  const value = query.get(name);
  if (value === null) return undefined;
  if (kind === "boolean") return value === "true" ? true : value === "false" ? false : value;
  if (kind === "int") return /^\d+$/.test(value) ? Number(value) : value;
  return value;
};

/**
 * The one query-string parser of `/v1`: the parameters `spec` names, as GraphQL variables,
 * leaving out the absent ones. A malformed value (a Boolean other than `true`/`false`, a count
 * that is not digits) reaches GraphQL as the text given and answers 400.
 */
export function queryParams(query: URLSearchParams, spec: Record<string, QueryParam>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(spec).flatMap(([name, kind]) => {
      const value = readParam(query, name, kind);
      return value === undefined ? [] : [[name, value]];
    }),
  );
}

/** `?first=&after=` as connection variables. */
export const pageVariables = (query: URLSearchParams) => queryParams(query, { first: "int", after: "string" });

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

const capitalized = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

/** `$a: T, $b: U` and `a: $a, b: $b` of a field's arguments. */
const argumentLists = (args: Record<string, string>) => ({
  declared: Object.entries(args)
    .map(([name, type]) => `$${name}: ${type}`)
    .join(", "),
  passed: Object.keys(args)
    .map((name) => `${name}: $${name}`)
    .join(", "),
});

const call = (field: string, args: Record<string, string>) =>
  Object.keys(args).length ? `${field}(${argumentLists(args).passed})` : field;

const declared = (args: Record<string, string>) =>
  Object.keys(args).length ? `(${argumentLists(args).declared})` : "";

/** The path's parameters among `names`: `/v1/x/:id` gives `{ id }`. */
const pathVariables = (names: string[], { params }: V1Request) =>
  Object.fromEntries(names.flatMap((name) => (name in params ? [[name, params[name]]] : [])));

export interface MutationRouteOptions extends Pick<V1Route, "method" | "path" | "status" | "within" | "body"> {
  /** The root mutation field, e.g. `createSpecialty`. */
  mutation: string;
  /** Its arguments and their GraphQL types, e.g. `{ id: "ID!", input: "UpdateSpecialtyInput!" }`. */
  args: Record<string, string>;
  /** Fields of the success payload's `data` the response body holds. */
  select: string;
  /**
   * The arguments' values. By default an argument named like a path parameter takes it
   * (`:id` → `id`) and `input` takes the JSON body.
   */
  variables?: V1Route["variables"];
}

/** A `/v1` path that runs one mutation and answers its `data`, or its typed error with the error's status. */
export function mutationRoute({ mutation, args, select, variables, ...route }: MutationRouteOptions): V1Route {
  const names = Object.keys(args);
  return {
    ...route,
    document: mutationDocument(
      `${capitalized(mutation)}${declared(args)}`,
      call(mutation, args),
      `Mutation${capitalized(mutation)}Success`,
      select,
    ),
    variables:
      variables ??
      ((request) => ({ ...pathVariables(names, request), ...("input" in args ? { input: request.body } : {}) })),
  };
}

export interface ListRouteOptions extends Pick<V1Route, "path" | "within"> {
  /** The connection: a root field (`patients`), or a field of the object a root field finds (`specialty.specialists`). */
  connection: string;
  /** The nodes' fields. */
  select: string;
  /**
   * Arguments besides `first` and `after`, and their GraphQL types. Of a nested connection, those
   * named like a path parameter (`:id` → `id`) go to its parent's field, the others to the connection.
   */
  args?: Record<string, string>;
  /** Query parameters (read by {@link queryParams}) that are arguments of their own. */
  params?: Record<string, QueryParam>;
  /** Query parameters that make up the `filter` argument. */
  filter?: Record<string, QueryParam>;
  /** Variables the path or query hold otherwise (e.g. `:id` renamed). */
  variables?: V1Route["variables"];
}

/** A `/v1` path that pages through a connection: `?first=&after=`, the parameters named, `{ data, pageInfo }`. */
export function listRoute({
  connection,
  select,
  args = {},
  params,
  filter,
  variables,
  ...route
}: ListRouteOptions): V1Route {
  const [parent, child] = connection.includes(".") ? connection.split(".") : [undefined, connection];
  const pathParams = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1] as string);
  const parentArgs = Object.fromEntries(Object.entries(args).filter(([name]) => parent && pathParams.includes(name)));
  const listArgs = {
    first: "Int",
    after: "String",
    ...Object.fromEntries(Object.entries(args).filter(([name]) => !(name in parentArgs))),
  };
  const selection = `${call(child as string, listArgs)} { ${connectionSelection(select)} }`;
  const operation = capitalized(parent ? `${parent}${capitalized(child as string)}` : (child as string));
  return {
    method: "GET",
    ...route,
    document: `query ${operation}${declared({ ...parentArgs, ...listArgs })} {
      ${parent ? `${call(parent, parentArgs)} { ${selection} }` : selection}
    }`,
    variables: (request) => ({
      ...pathVariables(Object.keys(args), request),
      ...pageVariables(request.query),
      ...(params ? queryParams(request.query, params) : {}),
      ...(filter ? { filter: queryParams(request.query, filter) } : {}),
      ...variables?.(request),
    }),
    body: parent ? (value) => connectionBody((value as Record<string, unknown>)[child as string]) : connectionBody,
  };
}

export interface QueryRouteOptions extends Pick<V1Route, "path" | "within" | "body"> {
  /** The root query field, e.g. `specialty`. */
  query: string;
  /** Its arguments and their GraphQL types; by default each takes the path parameter of its name. */
  args?: Record<string, string>;
  select: string;
  variables?: V1Route["variables"];
}

/** A `/v1` path that reads one object through a root query field; null answers 404. */
export function queryRoute({ query, args = {}, select, variables, ...route }: QueryRouteOptions): V1Route {
  return {
    method: "GET",
    ...route,
    document: `query ${capitalized(query)}${declared(args)} { ${call(query, args)} { ${select} } }`,
    variables: variables ?? ((request) => pathVariables(Object.keys(args), request)),
  };
}
