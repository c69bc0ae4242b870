import { randomUUID } from "node:crypto";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { isObjectType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../src/graphql/schema.js";
import type { TestOrganization } from "../support/auth.js";
import { useTestServer } from "../support/server.js";

/** Every object type that implements Node: each must answer null for an id it cannot see. */
const nodeTypes = Object.values(schema.getTypeMap())
  .filter(isObjectType)
  .filter((type) => type.getInterfaces().some((i) => i.name === "Node"))
  .map((type) => type.name);

const server = useTestServer();
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization();
});

describe("node(id)", () => {
  it("covers the schema's node types", () => {
    expect(nodeTypes.length).toBeGreaterThan(10);
  });

  it.each(nodeTypes)("answers null, without an error, for a %s that does not exist or is hidden", async (type) => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...org.owner },
      body: JSON.stringify({
        query: "query ($id: ID!) { node(id: $id) { id } }",
        variables: { id: encodeGlobalID(type, randomUUID()) },
      }),
    });
    expect(await response.json()).toEqual({ data: { node: null } });
  });
});
