/**
 * `npm run bench:http`: requests/s and latency of a trivial GraphQL query (`{ ping }`) and of
 * `GET /v1/server-info`, against a server process of its own (role api) on a fresh database.
 * Needs the local PostgreSQL and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, as the tests).
 */
import autocannon from "autocannon";
import pg from "pg";
import { migrateDatabase } from "../src/db/migrations.js";
import { createLogger } from "../src/logger.js";
import { databaseUrl, testEnv } from "../tests/support/env.js";
import { startServerProcess } from "../tests/support/process.js";
import { testServerEnv } from "../tests/support/server.js";

const name = `cg_bench_${Date.now()}`;
const admin = new pg.Client({ connectionString: testEnv.databaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const adminUrl = databaseUrl(name);
await migrateDatabase(adminUrl, createLogger("warn"));
const server = await startServerProcess(
  testServerEnv({ name, adminUrl, appUrl: adminUrl, drop: async () => {} }, { SERVER_ROLE: "api", LOG_LEVEL: "warn" }),
);

async function run(title: string, options: autocannon.Options) {
  const result = await autocannon({ connections: 20, duration: 10, ...options });
  console.log(
    `${title.padEnd(28)} ${Math.round(result.requests.average).toString().padStart(6)} req/s   ` +
      `p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   errors ${result.errors + result.non2xx}`,
  );
}

try {
  await run("POST /graphql { ping }", {
    url: `${server.url}/graphql`,
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query: "{ ping }" }),
  });
  await run("GET /v1/server-info", { url: `${server.url}/v1/server-info` });
} finally {
  await server.stop();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
