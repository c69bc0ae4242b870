/**
 * `npm run bench:http`: requests/s and latency of a trivial GraphQL query (`{ ping }`) and of
 * `GET /v1/server-info`, against a server process of its own (role api) on a fresh database;
 * then the same `{ ping }` against a bare graphql-yoga server (`bench/bare-yoga.ts`, one field,
 * no plugins) with the same autocannon settings, and the ratio of the two. BENCH_SECONDS (10)
 * sets each run's duration.
 * Needs the local PostgreSQL and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, as the tests).
 */
import { fork } from "node:child_process";
import autocannon from "autocannon";
import { startServerProcess } from "../tests/support/process.js";
import { testServerEnv } from "../tests/support/server.js";
import { benchDatabase, scaled } from "./support.js";

const SECONDS = Number(process.env.BENCH_SECONDS ?? scaled(10, 1));
const ping = { method: "POST" as const, headers: { "content-type": "application/json" }, body: '{"query":"{ ping }"}' };

const database = await benchDatabase("http");
const server = await startServerProcess(
  testServerEnv(
    { name: database.name, adminUrl: database.adminUrl, appUrl: database.adminUrl, drop: async () => {} },
    {
      SERVER_ROLE: "api",
      LOG_LEVEL: "warn",
      NODE_ENV: "production",
      INTEGRATIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
    },
  ),
).catch(async (error) => {
  await database.drop();
  throw error;
});
const bare = fork("bench/bare-yoga.ts", [], { execArgv: ["--import", "tsx"] });
const bareUrl = await new Promise<string>((resolve) =>
  bare.once("message", (m) => resolve((m as { url: string }).url)),
);

async function run(title: string, options: autocannon.Options): Promise<number> {
  const result = await autocannon({ connections: 20, duration: SECONDS, ...options });
  console.log(
    `${title.padEnd(36)} ${Math.round(result.requests.average).toString().padStart(6)} req/s   ` +
      `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   errors ${result.errors + result.non2xx}`,
  );
  return result.requests.average;
}

try {
  const ours = await run("POST /graphql { ping }", { url: `${server.url}/graphql`, ...ping });
  await run("GET /v1/server-info", { url: `${server.url}/v1/server-info` });
  const floor = await run("bare graphql-yoga { ping } (floor)", { url: `${bareUrl}/graphql`, ...ping });
  console.log(`{ ping } ÷ bare Yoga: ${(ours / floor).toFixed(2)}`);
} finally {
  bare.send("stop");
  await server.stop();
  await database.drop();
}
