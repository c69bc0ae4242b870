import { type GraphQLInterfaceType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { errorTypeNames, errorTypes } from "../../src/graphql/error-types.js";
import { schema } from "../../src/graphql/schema.js";

describe("error types", () => {
  const implementations = schema.getImplementations(schema.getType("Error") as GraphQLInterfaceType).objects;

  it("every GraphQL type implementing Error was registered with its HTTP status", () => {
    const names = implementations.filter(isObjectType).map((type) => type.name);
    expect(names.length).toBeGreaterThan(0);
    expect([...names].sort()).toEqual([...errorTypeNames()].sort());
  });

  it.each([...errorTypes()].map(([code, type]) => [code, type.httpStatus]))(
    "%s answers /v1 with a 4xx or 5xx status (%i)",
    (_code, status) => {
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    },
  );
});
