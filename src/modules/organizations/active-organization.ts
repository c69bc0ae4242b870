import { NotFoundError } from "../../errors.js";
import type { Context } from "../../graphql/context.js";

/**
 * Organization-scoped writes act on the caller's active organization only; any other id
 * answers "not found", exactly as an id that does not exist.
 */
export function activeOrganization(ctx: Context, organizationId: string): string {
  if (!ctx.scope.organizationId || ctx.scope.organizationId !== organizationId) throw new NotFoundError("Organization");
  return organizationId;
}
