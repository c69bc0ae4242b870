import { createSchema, createYoga, type Plugin } from "graphql-yoga";
import { describe, expect, it } from "vitest";
import { guardRequestHook } from "../../src/http/request-guards.js";
import { createLogger } from "../../src/logger.js";

const failing: Plugin = {
  onRequest() {
    throw new URIError("URI malformed (a bug in a request hook)");
  },
};

describe("the 500 handler", () => {
  it.each(["production", "development"])(
    "answers a failure before GraphQL with a JSON error, never a stack trace or plain text (%s)",
    async (mode) => {
      const yoga = createYoga({
        schema: createSchema({ typeDefs: "type Query { ok: Boolean }" }),
        maskedErrors: { isDev: mode !== "production" },
        plugins: [guardRequestHook(failing, createLogger("silent"))],
      });
      const response = await yoga.fetch("http://localhost/v1/patients/x", { method: "PATCH" });
      expect(response.status).toBe(500);
      expect(response.headers.get("content-type")).toContain("application/json");
      const text = await response.text();
      expect(text).not.toMatch(/URIError|\bat .*\.ts/);
      expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL", message: "Unexpected error" } });
    },
  );
});
