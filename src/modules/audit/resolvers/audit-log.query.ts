import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { AuditEntryRef } from "../types/audit-entry.type.js";

const AuditLogFilter = builder.inputType("AuditLogFilter", {
  fields: (t) => ({
    entityType: t.string({ required: false }),
    entityId: t.string({ required: false }),
    actorUserId: t.string({ required: false }),
    actorApiKeyId: t.string({ required: false }),
    actorPatientId: t.string({ required: false }),
    impersonatorUserId: t.string({ required: false }),
    action: t.string({ required: false }),
    from: t.field({ type: "DateTime", required: false, description: "Inclusive." }),
    to: t.field({ type: "DateTime", required: false, description: "Exclusive." }),
  }),
});

builder.queryField("auditLog", (t) =>
  t.prismaConnection({
    type: AuditEntryRef,
    cursor: "id",
    description: "The active organization's audit trail, newest first.",
    authScopes: { orgRole: managerRoles },
    args: { filter: t.arg({ type: AuditLogFilter, required: false }) },
    resolve: (query, _root, { filter }, { db }) =>
      db.auditLog.findMany({
        ...query,
        where: {
          entityType: filter?.entityType ?? undefined,
          entityId: filter?.entityId ?? undefined,
          actorUserId: filter?.actorUserId ?? undefined,
          actorApiKeyId: filter?.actorApiKeyId ?? undefined,
          actorPatientId: filter?.actorPatientId ?? undefined,
          impersonatorUserId: filter?.impersonatorUserId ?? undefined,
          action: filter?.action ?? undefined,
          createdAt: { gte: filter?.from ?? undefined, lt: filter?.to ?? undefined },
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      }),
  }),
);
