import type { Prisma } from "../db/prisma.js";
import type { TenantScope } from "../db/tenant.js";
import type { Actor, Operation } from "./actor.js";
import { changedFields } from "./changes.js";

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `organization.update`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/** What a domain function returns: its value, and the audit row that records it. */
export interface Audited<T> {
  value: T;
  audit: AuditEntry;
}

/**
 * Runs an operation's writes in one transaction under the caller's tenant scope (or `scope`,
 * e.g. a new organization's id) and appends its audit row in that same transaction.
 * Every mutation goes through here; anything it throws rolls everything back.
 * An owner or admin acting as a patient is recorded as `impersonatorUserId`, the patient as the actor.
 * `record: false` runs a part of a compound operation (a hold placed for a booking): the same
 * transaction without a row of its own, since the operation's one row records the part.
 */
export function audited<T>(
  operation: Operation,
  work: (tx: Prisma.TransactionClient, actor: Actor) => Promise<Audited<T>>,
  scope: Partial<TenantScope> = {},
  options: { record?: boolean } = {},
): Promise<T> {
  const effective = { ...operation.scope, ...scope };
  const { viewer, requestId, client } = operation;
  const actor: Actor = { viewer, scope: effective, requestId, client };
  return operation.database.transaction(effective, async (tx) => {
    const { value, audit } = await work(tx, actor);
    if (options.record === false) return value;
    const changes = changedFields(audit.before ?? null, audit.after ?? null);
    // createMany writes without RETURNING: rows outside an organization are not readable back.
    await tx.auditLog.createMany({
      data: {
        organizationId: effective.organizationId,
        actorUserId: viewer.kind === "user" && !viewer.impersonating ? viewer.userId : null,
        actorApiKeyId: viewer.kind === "apiKey" ? viewer.apiKeyId : null,
        actorPatientId: effective.role === "patient" ? (effective.patientId ?? null) : null,
        impersonatorUserId: viewer.kind === "user" && viewer.impersonating ? viewer.userId : null,
        action: audit.action,
        entityType: audit.entityType,
        entityId: audit.entityId,
        changes: changes as Prisma.InputJsonValue,
        requestId,
        ip: client.ip,
        userAgent: client.userAgent,
      },
    });
    return value;
  });
}

/** Appends an audit row for a change made by the system (a job), not by a request. */
export function systemAudit(tx: Prisma.TransactionClient, organizationId: string | null, audit: AuditEntry) {
  return tx.auditLog.createMany({
    data: {
      organizationId,
      action: audit.action,
      entityType: audit.entityType,
      entityId: audit.entityId,
      changes: changedFields(audit.before ?? null, audit.after ?? null) as Prisma.InputJsonValue,
    },
  });
}
