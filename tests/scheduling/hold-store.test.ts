import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import type { HoldRequest, HoldStore } from "../../src/holds/hold-store.js";
import { createMemoryHoldStore } from "../../src/holds/memory-hold-store.js";
import { createRedisHoldStore } from "../../src/holds/redis-hold-store.js";
import { testEnv } from "../support/env.js";

const redis = new Redis(testEnv.redisUrl);
const prefix = `test:holds:${randomBytes(6).toString("hex")}:`;
afterAll(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length) await redis.del(...keys);
  await redis.quit();
});

const T0 = Date.parse("2026-12-01T09:00:00Z");
const MINUTE = 60_000;
const request = (over: Partial<HoldRequest> = {}): HoldRequest => {
  const made = {
    calendarId: "cal",
    specialistId: "spec-a",
    start: T0,
    end: T0 + 30 * MINUTE,
    clientId: `client-${randomBytes(4).toString("hex")}`,
    ttlMs: 60_000,
    maxPerClient: 3,
    ...over,
  };
  return { slotStart: made.start, slotEnd: made.end, ...made };
};
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stores: [string, () => HoldStore][] = [
  ["Redis", () => createRedisHoldStore(redis, `${prefix}${randomBytes(4).toString("hex")}:`)],
  ["in-process", () => createMemoryHoldStore()],
];

describe.each(stores)("%s hold store", (_name, make) => {
  it("lets exactly one of 100 concurrent attempts hold the same time", async () => {
    const store = make();
    const results = await Promise.all(Array.from({ length: 100 }, () => store.create(request())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === "SLOT_TAKEN")).toHaveLength(99);
  });

  it("refuses overlapping times of the same specialist, allows adjacent times and other specialists", async () => {
    const store = make();
    expect((await store.create(request())).ok).toBe(true);
    expect(await store.create(request({ start: T0 + 15 * MINUTE, end: T0 + 45 * MINUTE }))).toEqual({
      ok: false,
      reason: "SLOT_TAKEN",
    });
    expect(await store.create(request({ start: T0 - 15 * MINUTE, end: T0 + MINUTE }))).toEqual({
      ok: false,
      reason: "SLOT_TAKEN",
    });
    expect((await store.create(request({ start: T0 + 30 * MINUTE, end: T0 + 60 * MINUTE }))).ok).toBe(true);
    expect((await store.create(request({ specialistId: "spec-b" }))).ok).toBe(true);
  });

  it("limits how many holds one client has at once", async () => {
    const store = make();
    const clientId = "greedy";
    for (let i = 0; i < 3; i++) {
      expect(
        (await store.create(request({ clientId, start: T0 + i * 60 * MINUTE, end: T0 + (i * 60 + 30) * MINUTE }))).ok,
      ).toBe(true);
    }
    expect(await store.create(request({ clientId, start: T0 + 300 * MINUTE, end: T0 + 330 * MINUTE }))).toEqual({
      ok: false,
      reason: "TOO_MANY_HOLDS",
    });
  });

  it("releases a hold, freeing its time at once", async () => {
    const store = make();
    const created = await store.create(request());
    if (!created.ok) throw new Error("hold refused");
    expect(await store.release(created.hold.token)).toMatchObject({
      token: created.hold.token,
      specialistId: "spec-a",
    });
    expect(await store.get(created.hold.token)).toBeNull();
    expect(await store.release(created.hold.token)).toBeNull();
    expect((await store.create(request())).ok).toBe(true);
  });

  it("expires a hold after its TTL, unless extended; the sweep returns each expired hold once", async () => {
    const store = make();
    const short = await store.create(request({ ttlMs: 150 }));
    const extended = await store.create(request({ specialistId: "spec-c", ttlMs: 150 }));
    if (!short.ok || !extended.ok) throw new Error("hold refused");
    expect((await store.extend(extended.hold.token, 10_000))?.expiresAt).toBeGreaterThan(extended.hold.expiresAt);
    await wait(300);
    expect(await store.get(short.hold.token)).toBeNull();
    expect(await store.extend(short.hold.token, 10_000)).toBeNull();
    expect(await store.get(extended.hold.token)).not.toBeNull();
    expect((await store.sweep()).map((h) => h.token)).toEqual([short.hold.token]);
    expect(await store.sweep()).toEqual([]);
    expect((await store.create(request())).ok).toBe(true);
  });

  it("lists the live holds overlapping a range for given specialists", async () => {
    const store = make();
    await store.create(request());
    await store.create(request({ specialistId: "spec-b", start: T0 + 120 * MINUTE, end: T0 + 150 * MINUTE }));
    const inMorning = await store.overlapping(["spec-a", "spec-b"], T0 - 60 * MINUTE, T0 + 60 * MINUTE);
    expect(inMorning.map((h) => h.specialistId)).toEqual(["spec-a"]);
    expect(await store.overlapping(["spec-z"], T0, T0 + 600 * MINUTE)).toEqual([]);
  });
});
