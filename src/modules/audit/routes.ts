import { listRoute, type V1Route } from "../../http/v1/route.js";

const entry =
  "id action entityType entityId actorUserId actorApiKeyId actorPatientId impersonatorUserId changes requestId ip userAgent createdAt";

export const auditRoutes: V1Route[] = [
  listRoute({
    path: "/v1/audit-log",
    connection: "auditLog",
    args: { filter: "AuditLogFilter" },
    filter: {
      entityType: "string",
      entityId: "string",
      actorUserId: "string",
      actorApiKeyId: "string",
      actorPatientId: "string",
      impersonatorUserId: "string",
      action: "string",
      from: "string",
      to: "string",
    },
    select: entry,
  }),
];
