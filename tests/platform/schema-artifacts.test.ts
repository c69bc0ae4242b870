import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { readSchemaFiles, schemaSnapshotPath } from "../../src/db/migrations.js";
import { printedSchema, schemaPath } from "../../src/graphql/print-schema.js";

describe("committed artefacts", () => {
  it("schema.graphql matches the Pothos schema (run `npm run schema:print`)", async () => {
    expect(await readFile(schemaPath, "utf8")).toBe(printedSchema());
  });

  it("the migrations cover the Prisma schema (run `npm run db:migration:new -- <name>`)", async () => {
    const schema = `${(await readSchemaFiles()).map(([, text]) => text.trim()).join("\n\n")}\n`;
    expect(await readFile(schemaSnapshotPath, "utf8")).toBe(schema);
  });
});
