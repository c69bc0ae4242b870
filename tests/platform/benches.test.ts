import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** Every `bench:*` script of package.json, as `bench/<file>.ts`: a new bench is covered without listing it. */
const benches = Object.entries(
  (JSON.parse(readFileSync("package.json", "utf8")) as { scripts: Record<string, string> }).scripts,
)
  .filter(([name]) => name.startsWith("bench:"))
  .map(([name, command]) => ({ name, file: /tsx (bench\/\S+\.ts)/.exec(command)?.[1] ?? command }));

/** Runs a bench in its tiny configuration (BENCH_QUICK=1); its exit code and everything it printed. */
function runQuick(file: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", file], {
      env: { ...process.env, BENCH_QUICK: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk));
    child.on("exit", (code) => resolve({ code, output }));
  });
}

/**
 * Benchmarks are not tests (they assert no timing), but each must keep running to the end on a
 * fresh database: this runs every one in its tiny configuration, one after another.
 */
describe("every bench runs to the end in its tiny configuration", () => {
  it("lists the benches of package.json", () => {
    expect(benches.length).toBeGreaterThan(5);
    for (const bench of benches) expect(bench.file).toMatch(/^bench\/[\w-]+\.ts$/);
  });

  for (const bench of benches) {
    it(`${bench.name} (${bench.file})`, { timeout: 240_000 }, async () => {
      const { code, output } = await runQuick(bench.file);
      expect(output, output).not.toMatch(/MISMATCH|✗/);
      expect(code, output).toBe(0);
    });
  }
});
