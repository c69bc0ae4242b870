import type { Prisma } from "../../db/prisma.js";
import { inScopedTransaction, type TenantScope } from "../../db/tenant.js";
import type { Context } from "../../graphql/context.js";
import { changedFields } from "./changes.js";

export interface AuditEntry {
  /** `<entity>.<verb>`, e.g. `organization.update`. */
  action: string;
  entityType: string;
  entityId: string | null;
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
}

/**
 * Runs a mutation's writes in one transaction under the caller's tenant scope (or `scope`,
 * e.g. a new organization's id) and appends its audit row in that same transaction.
 * Every mutation goes through here; anything it throws rolls everything back.
 */
export function audited<T>(
  ctx: Context,
  work: (tx: Prisma.TransactionClient) => Promise<{ value: T; audit: AuditEntry }>,
  scope: Partial<TenantScope> = {},
): Promise<T> {
  const effective = { ...ctx.scope, ...scope };
  return inScopedTransaction(ctx.services.appDb, effective, async (tx) => {
    const { value, audit } = await work(tx);
    const changes = changedFields(audit.before ?? null, audit.after ?? null);
    // createMany writes without RETURNING: rows outside an organization are not readable back.
    await tx.auditLog.createMany({
      data: {
        organizationId: effective.organizationId,
        actorUserId: ctx.viewer.kind === "user" ? ctx.viewer.userId : null,
        actorApiKeyId: ctx.viewer.kind === "apiKey" ? ctx.viewer.apiKeyId : null,
        action: audit.action,
        entityType: audit.entityType,
        entityId: audit.entityId,
        changes: changes as Prisma.InputJsonValue,
        requestId: ctx.requestId,
        ip: ctx.client.ip,
        userAgent: ctx.client.userAgent,
      },
    });
    return value;
  });
}
