import { NotFoundError } from "../../../../errors.js";
import type { Hold, HoldStore } from "../../../../holds/hold-store.js";
import type { Actor } from "../../../../operation/actor.js";

/**
 * Who a hold belongs to, for the per-client limit: a signed-in user, an API key, or an anonymous
 * widget by its IP address (`client.ip`: `X-Forwarded-For` only as far as `TRUST_PROXY` trusts it).
 */
export function holdClientId(actor: Pick<Actor, "viewer" | "client">): string {
  if (actor.viewer.kind === "user") return `user:${actor.viewer.userId}`;
  if (actor.viewer.kind === "apiKey") return `key:${actor.viewer.apiKeyId}`;
  return `ip:${actor.client.ip ?? "unknown"}`;
}

/** Whether the actor may use a hold: one of their own, or an anonymous widget's (whose token is the only credential). */
export function mayUseHold(actor: Pick<Actor, "viewer" | "client">, hold: Hold): boolean {
  return hold.clientId.startsWith("ip:") || hold.clientId === holdClientId(actor);
}

/** A live hold the actor may read, extend or release ({@link mayUseHold}); anything else answers not found. */
export async function ownHold(store: HoldStore, actor: Pick<Actor, "viewer" | "client">, token: string): Promise<Hold> {
  const hold = await store.get(token);
  if (!hold || !mayUseHold(actor, hold)) throw new NotFoundError("Hold");
  return hold;
}
