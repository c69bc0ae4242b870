import { NotFoundError } from "../../../../errors.js";
import type { Hold } from "../../../../holds/hold-store.js";
import { announceHold } from "./announce-hold.js";
import { ownHold } from "./hold-clients.js";
import type { HoldOperation } from "./hold-operation.js";

/** Gives one of the actor's held slots back at once and announces it. In the store only: no audit row, no SQL. */
export async function releaseHold(operation: Omit<HoldOperation, "log">, token: string): Promise<Hold> {
  const { holds } = operation.services;
  await ownHold(holds, operation, token);
  const released = await holds.release(token);
  if (!released) throw new NotFoundError("Hold");
  await announceHold(operation, released, "HOLD_RELEASED");
  return released;
}
