import { describe, expect, it } from "vitest";
import { type ImportEdge, importGraph } from "../support/import-graph.js";

/**
 * A module is used through its surface: `index.ts` (domain functions, refs other modules link
 * to) or `graphql-refs.ts` (GraphQL types other modules' fields return). Code below the modules
 * imports none, except the composition root, which assembles each module (and sub-module) from
 * its assembly files.
 */
const surfaces = new Set(["index.ts", "graphql-refs.ts"]);
const assemblyFiles = new Set(["schema.ts", "routes.ts", "tasks.ts", "config.ts", "settings.ts", ...surfaces]);
const compositionRoot = new Set([
  "src/graphql/schema.ts",
  "src/http/v1/routes.ts",
  "src/http/app.ts",
  "src/http/server.ts",
  "src/jobs/registry.ts",
  "src/config/config.ts",
  "src/settings/organization-settings.ts",
  "src/container.ts",
]);

const moduleOf = (file: string) => /^src\/modules\/([^/]+)\//.exec(file)?.[1] ?? null;
const fileName = (file: string) => file.slice(file.lastIndexOf("/") + 1);

function crossing({ from, to }: ImportEdge): string | null {
  const target = moduleOf(to);
  if (!target) return null;
  const source = moduleOf(from);
  if (source === target) return null;
  if (source) {
    return to === `src/modules/${target}/${fileName(to)}` && surfaces.has(fileName(to))
      ? null
      : "reaches into another module";
  }
  if (!compositionRoot.has(from)) return "is below the modules";
  return assemblyFiles.has(fileName(to)) ? null : "assembles from a file that is not an assembly file";
}

describe("module boundaries", () => {
  it("hold: a module uses another through its surface; platform code imports no module but to assemble it", () => {
    const { edges } = importGraph("src", { exclude: (file) => file.startsWith("src/generated/") });
    const violations = edges.flatMap((edge) => {
      const why = crossing(edge);
      return why ? [`${edge.from} -> ${edge.to} (${why})`] : [];
    });
    expect(violations).toEqual([]);
  });

  it("are checked: an import into another module's internals is named", () => {
    const edge = (from: string, to: string): ImportEdge => ({ from, to, kind: "value", specifier: to });
    expect(crossing(edge("src/modules/a/x.ts", "src/modules/b/domain/y.ts"))).toBe("reaches into another module");
    expect(crossing(edge("src/modules/a/x.ts", "src/modules/b/index.ts"))).toBeNull();
    expect(crossing(edge("src/modules/a/x.ts", "src/modules/a/domain/y.ts"))).toBeNull();
    expect(crossing(edge("src/events/x.ts", "src/modules/b/index.ts"))).toBe("is below the modules");
    expect(crossing(edge("src/graphql/schema.ts", "src/modules/b/video/schema.ts"))).toBeNull();
    expect(crossing(edge("src/jobs/registry.ts", "src/modules/b/tasks/run.task.ts"))).toBe(
      "assembles from a file that is not an assembly file",
    );
  });
});
