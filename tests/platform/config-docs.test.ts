import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { envSchema } from "../../src/config/config.js";

/** Read where it is used, not by the server's configuration: the browser launcher (`src/browser/chromium.ts`). */
const readOutsideConfig = ["CHROMIUM_PATH"];

const variables = Object.keys(envSchema.shape).sort();

describe("configuration documents", () => {
  it("the README's configuration table names every variable the sections declare, and no other", () => {
    const readme = readFileSync("README.md", "utf8");
    const section = readme.slice(
      readme.indexOf("## Configuration"),
      readme.indexOf("\n## ", readme.indexOf("## Configuration") + 1),
    );
    const tableRows = section.split("\n").filter((line) => line.startsWith("| `"));
    const names = [
      ...new Set(
        tableRows.flatMap((row) =>
          [...(row.split("|")[1] ?? "").matchAll(/`([A-Z0-9_]+)`/g)].map((m) => m[1] as string),
        ),
      ),
    ].sort();
    expect(names).toEqual([...variables, ...readOutsideConfig].sort());
  });

  it(".env.example has a line for every variable", () => {
    const lines = readFileSync(".env.example", "utf8").split("\n");
    const assigned = lines.flatMap((line) => /^#?\s*([A-Z][A-Z0-9_]*)=/.exec(line)?.[1] ?? []);
    expect([...new Set(assigned)].sort()).toEqual([...variables, ...readOutsideConfig].sort());
  });
});
