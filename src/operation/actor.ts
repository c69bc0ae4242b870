import type { RequestDatabase, TenantScope } from "../db/tenant.js";
import type { Viewer } from "../identity/viewer.js";

/**
 * Who performs an operation, as domain functions and the audit log see it: a request's caller
 * or a job. Knows nothing of GraphQL, so a job can call the same domain function as a resolver.
 */
export interface Actor {
  viewer: Viewer;
  /** What row-level security lets the operation see. */
  scope: TenantScope;
  /** The request that caused the operation; null for a job. */
  requestId: string | null;
  client: { ip: string | null; userAgent: string | null };
}

/** An actor and the database it works in: what `audited(...)` runs on (a request's context is one). */
export interface Operation extends Actor {
  database: Pick<RequestDatabase, "transaction">;
}

/** The organization the actor works in; domain functions that create rows call it (scopes and jobs guarantee one). */
export function organizationIdOf(actor: Actor): string {
  const { organizationId } = actor.scope;
  if (!organizationId) throw new Error("This operation needs an active organization");
  return organizationId;
}
