/** `npm run schema:print`: writes schema.graphql from the Pothos schema (a test fails when it is stale). */
import { writeFile } from "node:fs/promises";
import { printedSchema, schemaPath } from "../src/graphql/print-schema.js";

await writeFile(schemaPath, printedSchema());
console.log("Wrote schema.graphql");
