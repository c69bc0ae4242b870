import { NotFoundError } from "../../../errors.js";
import type { Context } from "../../../graphql/context.js";

/**
 * Organization-scoped writes act on the caller's active organization only; any other id
 * answers "not found", exactly as an id that does not exist.
 */
export function activeOrganization(ctx: Context, organizationId: string): string {
  if (!ctx.scope.organizationId || ctx.scope.organizationId !== organizationId) throw new NotFoundError("Organization");
  return organizationId;
}

/**
 * Mutations on an organization's members, invitations and keys take the organization's id
 * optionally (`/v1` paths name it): a wrong one answers not found instead of being ignored.
 */
export function assertInActiveOrganization(ctx: Context, organizationId: { id: string } | null | undefined) {
  if (organizationId) activeOrganization(ctx, organizationId.id);
}
