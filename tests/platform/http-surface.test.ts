import { describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { gql } from "../support/graphql.js";
import { startTestServer, useTestServer } from "../support/server.js";

const ServerInfo = graphql(`
  query ServerInfo {
    ping
    serverInfo { version role pubsub uptimeSeconds }
  }
`);

const server = useTestServer();

describe("HTTP surface", () => {
  it("answers a GraphQL query", async () => {
    const result = await gql(server.url, ServerInfo);
    expect(result.errors).toBeUndefined();
    expect(result.data).toMatchObject({ ping: "pong", serverInfo: { role: "api", pubsub: "redis", version: "0.1.0" } });
  });

  it("serves GraphQL over GET for queries", async () => {
    const response = await fetch(`${server.url}/graphql?query=${encodeURIComponent("{ ping }")}`, {
      headers: { accept: "application/json" },
    });
    expect(await response.json()).toEqual({ data: { ping: "pong" } });
  });

  it("serves GraphiQL to browsers outside production", async () => {
    const response = await fetch(`${server.url}/graphql`, { headers: { accept: "text/html" } });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("GraphiQL");
  });

  it("says it is alive on /healthz and ready on /readyz", async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/readyz`)).status).toBe(200);
  });

  it("is alive but not ready while Redis is unreachable", async () => {
    const cut = await startTestServer(server.db, { SERVER_ROLE: "api", REDIS_URL: "redis://127.0.0.1:1" });
    try {
      expect((await fetch(`${cut.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${cut.url}/readyz`)).status).toBe(503);
    } finally {
      await cut.close();
    }
  });

  it("exposes Prometheus metrics including GraphQL request counts", async () => {
    await gql(server.url, ServerInfo);
    const response = await fetch(`${server.url}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(/graphql_envelop_request_duration_bucket\{[^}]*operationName="ServerInfo"/);
    expect(text).toContain("graphql_yoga_http_duration");
  });

  it("echoes the caller's x-request-id, and makes one when none is sent", async () => {
    const given = await fetch(`${server.url}/healthz`, { headers: { "x-request-id": "abc-123" } });
    expect(given.headers.get("x-request-id")).toBe("abc-123");
    const made = await fetch(`${server.url}/healthz`);
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers a malformed GraphQL request with a 400 and a GraphQL error, not a 500", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{not json",
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string }[] };
    expect(body.errors[0]?.message).toBeTruthy();
  });
});
