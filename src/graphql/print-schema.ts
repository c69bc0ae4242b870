import { fileURLToPath } from "node:url";
import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "./schema.js";

export const schemaPath = fileURLToPath(new URL("../../schema.graphql", import.meta.url));

/** The SDL committed as `schema.graphql`. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
