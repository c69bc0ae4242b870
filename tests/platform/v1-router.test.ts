import { describe, expect, it } from "vitest";
import { useTestServer } from "../support/server.js";

const server = useTestServer();

const call = (method: string, path: string, body?: string) =>
  fetch(`${server.url}${path}`, { method, body, headers: body ? { "content-type": "application/json" } : {} });

describe("/v1 router", () => {
  it("runs the route's GraphQL operation and answers its value as JSON", async () => {
    const response = await call("GET", "/v1/server-info");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("application/json");
    expect(await response.json()).toMatchObject({ version: "0.1.0", role: "api", pubsub: "redis" });
  });

  it("answers a mutation with the route's success status and the payload's data", async () => {
    const response = await call("POST", "/v1/diagnostics/events", JSON.stringify({ message: "from rest" }));
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ message: "from rest", id: expect.any(String) });
  });

  it("maps a typed validation error to 422 with the offending fields", async () => {
    const response = await call("POST", "/v1/diagnostics/events", JSON.stringify({ message: "   " }));
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: expect.any(String),
        fields: [{ path: ["message"], message: expect.any(String) }],
      },
    });
  });

  it("maps a missing required variable to 400", async () => {
    const response = await call("POST", "/v1/diagnostics/events", JSON.stringify({}));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
  });

  it.each([
    ["[1,2]", "an array"],
    ["{oops", "invalid JSON"],
    ["null", "null"],
  ])("answers 400 to a body that is %s (%s)", async (body) => {
    const response = await call("POST", "/v1/diagnostics/events", body);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: { code: "BAD_REQUEST", message: "Request body must be a JSON object" },
    });
  });

  it("answers 404 with the error body for an unknown path", async () => {
    const response = await call("GET", "/v1/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: "No route for /v1/nothing-here" } });
  });

  it("answers 405 for a known path with the wrong method", async () => {
    const response = await call("DELETE", "/v1/server-info");
    expect(response.status).toBe(405);
    expect(await response.json()).toMatchObject({ error: { code: "METHOD_NOT_ALLOWED" } });
  });
});
