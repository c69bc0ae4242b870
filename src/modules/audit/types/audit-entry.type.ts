import { builder } from "../../../graphql/builder.js";

export const AuditEntryRef = builder.prismaNode("AuditLog", {
  name: "AuditEntry",
  id: { field: "id" },
  nullable: true,
  fields: (t) => ({
    action: t.exposeString("action"),
    entityType: t.exposeString("entityType"),
    entityId: t.exposeString("entityId", { nullable: true }),
    actorUserId: t.exposeString("actorUserId", { nullable: true }),
    actorApiKeyId: t.exposeString("actorApiKeyId", { nullable: true }),
    actorPatientId: t.exposeString("actorPatientId", {
      nullable: true,
      description: "The patient the request acted for: a patient user, or the patient an admin impersonated.",
    }),
    impersonatorUserId: t.exposeString("impersonatorUserId", {
      nullable: true,
      description: "The owner or admin who acted as the patient `actorPatientId`.",
    }),
    changes: t.expose("changes", {
      type: "JSON",
      description: "`{ before, after }`: changed fields only, secrets redacted.",
    }),
    requestId: t.exposeString("requestId", { nullable: true }),
    ip: t.exposeString("ip", { nullable: true }),
    userAgent: t.exposeString("userAgent", { nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
  }),
});
