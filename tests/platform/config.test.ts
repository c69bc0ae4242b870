import { describe, expect, it } from "vitest";
import { ConfigError, parseConfig } from "../../src/config/config.js";
import { runMain } from "../support/process.js";

describe("configuration", () => {
  it("applies documented defaults to an empty environment", () => {
    const config = parseConfig({});
    expect(config.port).toBe(4000);
    expect(config.role).toBe("all");
    expect(config.database.url).toBeUndefined();
    expect(config.redis.url).toBeUndefined();
    expect(config.database.migrateOnStart).toBe(true);
  });

  it.each([
    ["PORT", "abc"],
    ["PORT", "70000"],
    ["SERVER_ROLE", "everything"],
    ["DATABASE_URL", "mysql://localhost/db"],
    ["REDIS_URL", "not a url"],
    ["LOG_LEVEL", "loud"],
    ["MIGRATE_ON_START", "maybe"],
  ])("rejects %s=%s with one line naming the variable", (name, value) => {
    expect(() => parseConfig({ [name]: value })).toThrow(ConfigError);
    try {
      parseConfig({ [name]: value });
    } catch (error) {
      expect((error as Error).message).toMatch(new RegExp(`^Invalid environment variable ${name}: .+`));
      expect((error as Error).message).not.toContain("\n");
    }
  });

  it("stops start-up with exit code 1 and a single stderr line, no stack trace", async () => {
    const { output, exited } = runMain({ PORT: "not-a-port" });
    expect(await exited).toBe(1);
    expect(output).toEqual([expect.stringMatching(/^Invalid environment variable PORT: .*\(got "not-a-port"\)$/)]);
  });
});
