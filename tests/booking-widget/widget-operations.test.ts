import { parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "../../src/graphql/schema.js";
import { calendarQuery, clientOperations } from "../../src/modules/booking-widget/page/widget-operations.js";

describe("booking widget operations", () => {
  it.each(Object.entries({ calendarQuery, ...clientOperations }))(
    "%s is valid against the schema",
    (_name, document) => {
      expect(validate(schema, parse(document)).map((e) => e.message)).toEqual([]);
    },
  );
});
