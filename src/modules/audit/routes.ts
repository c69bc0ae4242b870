import { connectionBody, connectionSelection, pageVariables, type V1Route } from "../../http/v1/route.js";

const entry =
  "id action entityType entityId actorUserId actorApiKeyId actorPatientId impersonatorUserId changes requestId ip userAgent createdAt";

export const auditRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/audit-log",
    document: `query AuditLog($first: Int, $after: String, $filter: AuditLogFilter) {
      auditLog(first: $first, after: $after, filter: $filter) { ${connectionSelection(entry)} }
    }`,
    variables: ({ query }) => ({
      ...pageVariables(query),
      filter: Object.fromEntries(
        [
          "entityType",
          "entityId",
          "actorUserId",
          "actorApiKeyId",
          "actorPatientId",
          "impersonatorUserId",
          "action",
          "from",
          "to",
        ].flatMap((name) => {
          const value = query.get(name);
          return value === null ? [] : [[name, value]];
        }),
      ),
    }),
    body: connectionBody,
  },
];
