import { NotFoundError } from "../../../../errors.js";
import type { Hold } from "../../../../holds/hold-store.js";
import { ownHold } from "./hold-clients.js";
import type { HoldOperation } from "./hold-operation.js";

/** Gives one of the actor's live holds a fresh TTL from now. In the store only: no audit row, no SQL. */
export async function extendHold(operation: Omit<HoldOperation, "log">, token: string): Promise<Hold> {
  const { holds, config } = operation.services;
  await ownHold(holds, operation, token);
  const extended = await holds.extend(token, config.holds.ttlMs);
  if (!extended) throw new NotFoundError("Hold");
  return extended;
}
