import { describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { gql } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";

const Deep = graphql(`
  query Deep {
    diagnosticEvents(first: 1) { edges { node { id } } }
  }
`);
const Wide = graphql(`
  query Wide {
    a: diagnosticEvents(first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } }
    b: diagnosticEvents(first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } }
    c: diagnosticEvents(first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } }
    d: diagnosticEvents(first: 100) { edges { cursor } pageInfo { hasNextPage endCursor } }
  }
`);
const Shallow = graphql(`
  query Shallow { ping }
`);

const server = useTestServer({ env: { GRAPHQL_MAX_DEPTH: "3", GRAPHQL_MAX_COMPLEXITY: "50" } });

describe("query limits", () => {
  it("rejects a query deeper than GRAPHQL_MAX_DEPTH with a clear error and no data", async () => {
    const result = await gql(server.url, Deep);
    expect(result.data?.diagnosticEvents ?? null).toBeNull();
    expect(result.errors).toEqual([
      expect.objectContaining({
        message: "Query rejected: its depth of 4 exceeds the maximum of 3",
        extensions: expect.objectContaining({ code: "QUERY_TOO_DEEP" }),
      }),
    ]);
  });

  it("rejects a query costlier than GRAPHQL_MAX_COMPLEXITY", async () => {
    const result = await gql(server.url, Wide);
    expect(result.errors?.[0]?.extensions?.code).toBe("QUERY_TOO_COMPLEX");
    expect(result.errors?.[0]?.message).toMatch(/^Query rejected: its complexity of \d+ exceeds the maximum of 50$/);
  });

  it("runs queries within the limits", async () => {
    expect(await gql(server.url, Shallow)).toEqual({ data: { ping: "pong" } });
  });
});
