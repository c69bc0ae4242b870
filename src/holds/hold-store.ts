/**
 * Holds: short exclusive reservations of a specialist's time while a client books. Two holds on
 * the same specialist can never overlap, a client may hold at most `maxPerClient` at once, and
 * every hold ends by release, consumption or TTL. Implemented over Redis (shared by every
 * server process) and in process (single-instance embedded mode), with the same semantics.
 */
export interface Hold {
  token: string;
  calendarId: string;
  specialistId: string;
  /** The reserved time, epoch milliseconds: the slot widened by the calendar's buffers. */
  start: number;
  end: number;
  /** The slot the client asked for, within [start, end). */
  slotStart: number;
  slotEnd: number;
  expiresAt: number;
  /** Who holds it: a user id, or the anonymous widget's client id. */
  clientId: string;
}

export type HoldRequest = Omit<Hold, "token" | "expiresAt"> & { ttlMs: number; maxPerClient: number };

export type CreateHoldResult = { ok: true; hold: Hold } | { ok: false; reason: "SLOT_TAKEN" | "TOO_MANY_HOLDS" };

export interface HoldStore {
  create(request: HoldRequest): Promise<CreateHoldResult>;
  /** The live hold, or null when released or expired. */
  get(token: string): Promise<Hold | null>;
  /** Pushes the expiry out; null when the hold is gone. */
  extend(token: string, ttlMs: number): Promise<Hold | null>;
  /** Removes the hold; returns it, or null when it was already gone. */
  release(token: string): Promise<Hold | null>;
  /** Live holds of these specialists overlapping [from, to). */
  overlapping(specialistIds: string[], from: number, to: number): Promise<Hold[]>;
  /** Removes expired holds and returns each exactly once (so their slots can be announced again). */
  sweep(): Promise<Hold[]>;
}
