/**
 * `npm run bench:startup`: time from spawning `src/main.ts` to "listening", with an embedded
 * PostgreSQL in a new data folder (first start: initdb + migrations) and again on the same
 * folder (warm start).
 */
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServerProcess } from "../tests/support/process.js";

const dir = await mkdtemp(path.join(tmpdir(), "cg-bench-startup-"));
await chmod(dir, 0o755);
const env = { PORT: "0", EMBEDDED_PG_DIR: path.join(dir, "pg"), EMBEDDED_PG_PORT: "54391" };

try {
  for (const label of ["first start (initdb + migrate)", "warm start"]) {
    const started = performance.now();
    const server = await startServerProcess(env, 120_000);
    const wall = performance.now() - started;
    const line = server.output.find((l) => l.includes("listening on")) ?? "{}";
    const { startupMs } = JSON.parse(line) as { startupMs?: number };
    console.log(
      `${label.padEnd(32)} process spawn -> listening ${Math.round(wall)} ms (in-process start-up ${startupMs} ms)`,
    );
    await server.stop("SIGTERM");
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
