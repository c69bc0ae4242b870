import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/config.js";

describe("hold configuration", () => {
  it("defaults to 5-minute holds, three per client", () => {
    expect(parseConfig({}).holds).toEqual({ ttlMs: 300_000, maxPerClient: 3 });
    expect(parseConfig({ HOLD_TTL_SECONDS: "60", HOLD_MAX_PER_CLIENT: "1" }).holds).toEqual({
      ttlMs: 60_000,
      maxPerClient: 1,
    });
  });

  it.each([
    ["HOLD_TTL_SECONDS", "0"],
    ["HOLD_TTL_SECONDS", "five minutes"],
    ["HOLD_MAX_PER_CLIENT", "-1"],
    ["HOLD_MAX_PER_CLIENT", "2.5"],
  ])("rejects %s=%s with one line naming the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => parseConfig({ [name]: value })).toThrow(new RegExp(`^Invalid environment variable ${name}: [^\\n]+$`));
  });
});
