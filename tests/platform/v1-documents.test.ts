import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/graphql/schema.js";
import { v1Routes } from "../../src/http/v1/routes.js";

describe("/v1 routes", () => {
  it.each(v1Routes.map((route) => [`${route.method} ${route.path}`, route.document]))(
    "%s runs a document valid against the schema",
    (_route, document) => {
      expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
    },
  );

  it("has no two routes with the same method and path", () => {
    const keys = v1Routes.map((route) => `${route.method} ${route.path}`);
    expect(keys.length).toBe(new Set(keys).size);
  });
});
