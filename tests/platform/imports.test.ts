import { describe, expect, it } from "vitest";
import { cyclesOf, type ImportGraph, importGraph } from "../support/import-graph.js";

/** Prisma's generated client is tangled by design (its namespace and models import each other); we do not write it. */
const source = () => importGraph("src", { exclude: (file) => file.startsWith("src/generated/") });

describe("imports of src/", () => {
  it("form no cycle, type-only imports included (they tangle the layers as much as values do)", () => {
    const cycles = cyclesOf(source(), ["value", "type", "dynamic"]);
    expect(cycles.map((cycle) => cycle.join(" -> "))).toEqual([]);
  });

  it("are read: the graph holds the imports of src/main.ts, each of its kind", () => {
    const { edges } = source();
    expect(edges).toContainEqual({
      from: "src/main.ts",
      to: "src/jobs/runner.ts",
      kind: "value",
      specifier: "./jobs/runner.js",
    });
    expect(edges).toContainEqual({
      from: "src/jobs/task.ts",
      to: "src/logger.ts",
      kind: "type",
      specifier: "../logger.js",
    });
  });

  it("names each cycle once, with the files around it", () => {
    const edge = (from: string, to: string, kind: "value" | "type" = "value") => ({ from, to, kind, specifier: to });
    const graph: ImportGraph = {
      files: ["a", "b", "c", "d"],
      edges: [edge("a", "b"), edge("b", "c"), edge("c", "a"), edge("c", "d"), edge("d", "c", "type")],
    };
    expect(cyclesOf(graph, ["value"])).toEqual([["a", "b", "c", "a"]]);
    expect(cyclesOf(graph, ["value", "type"])).toEqual([
      ["c", "d", "c"],
      ["a", "b", "c", "a"],
    ]);
  });
});
