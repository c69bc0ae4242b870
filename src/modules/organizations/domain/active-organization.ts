import { NotFoundError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";

/**
 * Organization-scoped writes act on the actor's active organization only; any other id
 * answers "not found", exactly as an id that does not exist.
 */
export function activeOrganization(actor: Pick<Actor, "scope">, organizationId: string): string {
  if (!actor.scope.organizationId || actor.scope.organizationId !== organizationId) {
    throw new NotFoundError("Organization");
  }
  return organizationId;
}

/**
 * Writes on an organization's members, invitations and keys take the organization's id
 * optionally (`/v1` paths name it): a wrong one answers not found instead of being ignored.
 */
export function assertInActiveOrganization(actor: Pick<Actor, "scope">, organizationId: string | null | undefined) {
  if (organizationId) activeOrganization(actor, organizationId);
}
