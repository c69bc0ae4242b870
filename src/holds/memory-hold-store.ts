import { randomUUID } from "node:crypto";
import type { Hold, HoldStore } from "./hold-store.js";

/** The in-process store for the single-instance embedded mode; the same rules as the Redis one. */
export function createMemoryHoldStore(now: () => number = Date.now): HoldStore {
  const holds = new Map<string, Hold>();
  const live = (token: string) => {
    const hold = holds.get(token);
    return hold && hold.expiresAt > now() ? hold : null;
  };
  return {
    async create({ ttlMs, maxPerClient, ...request }) {
      const current = [...holds.values()].filter((h) => h.expiresAt > now());
      if (
        current.some((h) => h.specialistId === request.specialistId && h.start < request.end && request.start < h.end)
      ) {
        return { ok: false, reason: "SLOT_TAKEN" };
      }
      if (current.filter((h) => h.clientId === request.clientId).length >= maxPerClient) {
        return { ok: false, reason: "TOO_MANY_HOLDS" };
      }
      const hold: Hold = { ...request, token: randomUUID(), expiresAt: now() + ttlMs };
      holds.set(hold.token, hold);
      return { ok: true, hold: { ...hold } };
    },
    async get(token) {
      const hold = live(token);
      return hold ? { ...hold } : null;
    },
    async extend(token, ttlMs) {
      const hold = live(token);
      if (!hold) return null;
      hold.expiresAt = now() + ttlMs;
      return { ...hold };
    },
    async release(token) {
      const hold = live(token);
      if (hold) holds.delete(token);
      return hold;
    },
    async overlapping(specialistIds, from, to) {
      const wanted = new Set(specialistIds);
      return [...holds.values()].filter(
        (h) => h.expiresAt > now() && wanted.has(h.specialistId) && h.start < to && from < h.end,
      );
    },
    async sweep() {
      const expired = [...holds.values()].filter((h) => h.expiresAt <= now());
      for (const h of expired) holds.delete(h.token);
      return expired;
    },
  };
}
