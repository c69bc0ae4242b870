import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/config.js";
import { guardedLookup, refusal } from "../../src/modules/webhooks/domain/endpoint-address.js";
import { sendMessage } from "../../src/modules/webhooks/domain/send-message.js";
import { parseRetryAfter, retryDelay, verdictOf } from "../../src/outbound/retry-policy.js";

const policy = (allowed?: string) => parseConfig(allowed ? { WEBHOOK_ALLOWED_HOSTS: allowed } : {}).webhooks;

describe("webhook configuration", () => {
  it("defaults to the issue's retry schedule: immediately, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h", () => {
    const { webhooks } = parseConfig({});
    expect(webhooks.retrySchedule).toEqual([5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000]);
    expect(webhooks).toMatchObject({ timeoutMs: 10_000, maxConsecutiveFailures: 10, endpointConcurrency: 2 });
  });

  it("reads durations in ms, s, m and h", () => {
    expect(parseConfig({ WEBHOOK_RETRY_SCHEDULE: "50ms, 2s,3m,1h" }).webhooks.retrySchedule).toEqual([
      50, 2_000, 180_000, 3_600_000,
    ]);
  });

  it.each([
    ["WEBHOOK_RETRY_SCHEDULE", "5 seconds"],
    ["WEBHOOK_RETRY_SCHEDULE", "5s,,1m"],
    ["WEBHOOK_TIMEOUT_MS", "-1"],
    ["WEBHOOK_MAX_CONSECUTIVE_FAILURES", "0"],
    ["WEBHOOK_ENDPOINT_CONCURRENCY", "51"],
    ["WEBHOOK_ALLOWED_HOSTS", "10.0.0.0/33"],
    ["WEBHOOK_ALLOWED_HOSTS", "not a host"],
  ])("rejects %s=%s with one line naming the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}: [^\\n]+$`));
  });
});

describe("endpoint addresses", () => {
  it.each([
    ["10.1.2.3"],
    ["172.16.0.1"],
    ["192.168.0.10"],
    ["127.0.0.1"],
    ["169.254.169.254"],
    ["100.64.0.1"],
    ["0.0.0.0"],
    ["::1"],
    ["fe80::1"],
    ["fd12:3456::1"],
    ["::ffff:127.0.0.1"],
    ["::ffff:10.0.0.1"],
  ])("refuses %s", (address) => {
    expect(refusal(policy(), "hooks.example.com", address)).toMatch(/private, loopback or link-local/);
  });

  it.each([["93.184.216.34"], ["2606:4700::6810:84e5"], ["8.8.8.8"]])("allows the public address %s", (address) => {
    expect(refusal(policy(), "hooks.example.com", address)).toBeNull();
  });

  it("allows what WEBHOOK_ALLOWED_HOSTS lists: host names whatever they resolve to, addresses and CIDR ranges", () => {
    const allowed = policy("hooks.internal,127.0.0.1,10.20.0.0/16");
    expect(refusal(allowed, "hooks.internal", "10.9.9.9")).toBeNull();
    expect(refusal(allowed, "127.0.0.1", "127.0.0.1")).toBeNull();
    expect(refusal(allowed, "api.internal", "10.20.3.4")).toBeNull();
    expect(refusal(allowed, "api.internal", "::ffff:127.0.0.1")).toBeNull();
    expect(refusal(allowed, "api.internal", "10.21.0.1")).not.toBeNull();
  });

  it("checks at connection time: a host name resolving to a loopback address is refused", async () => {
    const lookup = guardedLookup(policy());
    const error = await new Promise<Error | null>((resolve) =>
      lookup("localhost", { all: true }, (e) => resolve(e as Error | null)),
    );
    expect(error?.name).toBe("RefusedAddressError");
    const allowed = guardedLookup(policy("localhost"));
    const addresses = await new Promise<unknown>((resolve) =>
      allowed("localhost", { all: true }, (_e, all) => resolve(all)),
    );
    expect(addresses).toEqual(expect.arrayContaining([expect.objectContaining({ address: expect.any(String) })]));
  });

  it("does not send to a refused address, and says why", async () => {
    const result = await sendMessage(policy(), "http://127.0.0.1:9/hook", {
      id: "msg",
      body: "{}",
      signature: () => "v1,x",
    });
    expect(result).toMatchObject({ statusCode: null, refused: true, error: expect.stringContaining("127.0.0.1") });
  });
});

describe("retry policy", () => {
  it.each([
    [200, "succeeded"],
    [204, "succeeded"],
    [301, "retry"],
    [302, "retry"],
    [400, "failed"],
    [401, "failed"],
    [404, "failed"],
    [408, "retry"],
    [410, "gone"],
    [422, "failed"],
    [429, "retry"],
    [500, "retry"],
    [503, "retry"],
    [null, "retry"],
  ] as const)("treats status %s as %s", (status, verdict) => {
    expect(verdictOf(status, false)).toBe(verdict);
  });

  it("gives up on an address that may not be called", () => {
    expect(verdictOf(null, true)).toBe("failed");
  });

  it("follows the schedule with ±20 % jitter, then stops", () => {
    const schedule = [5_000, 300_000];
    expect(retryDelay(schedule, 1, null, () => 0)).toBe(4_000);
    expect(retryDelay(schedule, 1, null, () => 1)).toBe(6_000);
    expect(retryDelay(schedule, 2, null, () => 0.5)).toBe(300_000);
    expect(retryDelay(schedule, 3, null)).toBeNull();
  });

  it("never retries sooner than Retry-After (capped at a day)", () => {
    expect(retryDelay([5_000], 1, 60_000, () => 0.5)).toBe(60_000);
    expect(retryDelay([5_000], 1, 1_000, () => 0.5)).toBe(5_000);
    expect(retryDelay([5_000], 1, 7 * 86_400_000, () => 0.5)).toBe(86_400_000);
  });

  it("reads Retry-After as seconds or as an HTTP date", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(parseRetryAfter("120", now)).toBe(120_000);
    expect(parseRetryAfter("Thu, 01 Jan 2026 00:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("soon", now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });
});
