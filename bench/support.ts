/**
 * What the benchmarks share: a fresh migrated database, a server process of its own in
 * production mode, GraphQL over HTTP, and the figures they print.
 */
import { readFileSync } from "node:fs";
import pg from "pg";
import { migrateDatabase } from "../src/db/migrations.js";
import { createLogger } from "../src/logger.js";
import { databaseUrl, testEnv } from "../tests/support/env.js";

/**
 * `BENCH_QUICK=1`: a tiny configuration that still runs every step to the end (the test suite
 * runs each bench so, so none can rot); its figures mean nothing.
 */
export const quick = process.env.BENCH_QUICK === "1";

/** `full`, or `tiny` in a quick run. */
export const scaled = (full: number, tiny: number) => (quick ? tiny : full);

/** A new database with every migration applied; `drop()` removes it. */
export async function benchDatabase(prefix: string) {
  const name = `cg_bench_${prefix}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: testEnv.databaseUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  const adminUrl = databaseUrl(name);
  await migrateDatabase(adminUrl, createLogger("warn"));
  return {
    name,
    adminUrl,
    drop: async () => {
      await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

/** Prints the median and p99 of `times` (ms). */
export function summary(label: string, times: number[], extra = "") {
  const sorted = [...times].sort((x, y) => x - y);
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? 0).toFixed(2);
  console.log(
    `${label.padEnd(58)} median ${at(0.5).padStart(7)} ms   p99 ${at(0.99).padStart(7)} ms   (${times.length} runs)${extra}`,
  );
}

/** Runs `run` `warmup` times, then `runs` times, timing each (ms). */
export async function timed(fullRuns: number, fullWarmup: number, run: () => Promise<unknown>): Promise<number[]> {
  const runs = scaled(fullRuns, Math.min(fullRuns, 2));
  const warmup = scaled(fullWarmup, Math.min(fullWarmup, 1));
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run();
    times.push(performance.now() - started);
  }
  return times;
}

interface GraphQLResult {
  data?: Record<string, unknown>;
  errors?: unknown[];
}

/** `POST /graphql`; throws on GraphQL errors. */
export async function post(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  headers: Record<string, string> = {},
) {
  const response = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  const result = (await response.json()) as GraphQLResult;
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data ?? {};
}

/** CPU seconds (user + system) a local process has used, from /proc (Linux, 100 clock ticks a second). */
export function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}
