/**
 * `npm run bench:webhooks [-- --events=10000 --rate=0 --emitters=16]`: 10,000 events of one organization
 * fanned out to 3 local endpoints (30,000 deliveries). Events are emitted as the API emits
 * them (one scoped transaction each, 16 at a time; `--rate` paces them, in events per second,
 * 0 = as fast as possible); a separate `SERVER_ROLE=worker` process delivers them to endpoints
 * served by a third process (`bench/webhook-receivers.ts`). Prints the
 * total time (first commit to last receipt), deliveries per second and the latency from each
 * event's commit to its receipt by each endpoint. WORKER_CONCURRENCY,
 * WEBHOOK_ENDPOINT_CONCURRENCY and DATABASE_POOL_SIZE are passed on to the worker.
 */
import { fork } from "node:child_process";
import pg from "pg";
import { parseConfig } from "../src/config.js";
import { APP_ROLE, withSessionRole } from "../src/db/database.js";
import { migrateDatabase } from "../src/db/migrations.js";
import { createPrisma } from "../src/db/prisma.js";
import { inScopedTransaction } from "../src/db/tenant.js";
import { createLogger } from "../src/logger.js";
import { emitEvent } from "../src/modules/webhooks/emit-event.js";
import { newSigningSecrets } from "../src/modules/webhooks/signing-secrets.js";
import { databaseUrl, testEnv } from "../tests/support/env.js";
import { runMain } from "../tests/support/process.js";

const argument = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const EVENTS = argument("events", 10_000);
const RATE = argument("rate", 0);
const ENDPOINTS = 3;
const EMITTERS = argument("emitters", 16);
const workerEnv = {
  WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? "24",
  WEBHOOK_ENDPOINT_CONCURRENCY: process.env.WEBHOOK_ENDPOINT_CONCURRENCY ?? "6",
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "24",
};

const now = () => performance.timeOrigin + performance.now();
const name = `cg_bench_webhooks_${Date.now()}`;
const admin = new pg.Client({ connectionString: testEnv.databaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const adminUrl = databaseUrl(name);
await migrateDatabase(adminUrl, createLogger("warn"));
const owner = createPrisma(adminUrl, 2);
const api = createPrisma(withSessionRole(adminUrl, APP_ROLE), EMITTERS);

/** The endpoints' process: its URLs, how many messages each endpoint has, and every receipt on request. */
const endpoints = fork("bench/webhook-receivers.ts", [String(ENDPOINTS)], { execArgv: ["--import", "tsx"] });
let received: number[] = [];
let receipts: [string, number][][] = [];
const urls = await new Promise<string[]>((resolve) =>
  endpoints.on("message", (message: { urls?: string[]; received?: number[]; receipts?: [string, number][][] }) => {
    if (message.urls) resolve(message.urls);
    if (message.received) received = message.received;
    if (message.receipts) receipts = message.receipts;
  }),
);
const receivedAtLeast = async (count: number) => {
  while (received.length < ENDPOINTS || received.some((n) => n < count)) await new Promise((r) => setTimeout(r, 20));
};
const worker = runMain({
  ...workerEnv,
  SERVER_ROLE: "worker",
  DATABASE_URL: adminUrl,
  MIGRATE_ON_START: "false",
  LOG_LEVEL: "warn",
  WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
});

void worker.exited.then((code) => {
  if (code === 0) return;
  console.error(`the worker exited (${code}):\n${worker.output.slice(-20).join("\n")}`);
  process.exit(1);
});

try {
  const organization = await owner.organization.create({ data: { name: "Bench", slug: `bench-${Date.now()}` } });
  const key = parseConfig({}).integrationsKey;
  for (const url of urls) {
    await owner.webhookSubscription.create({
      data: { organizationId: organization.id, url, ...newSigningSecrets(key).stored },
    });
  }
  const scope = { organizationId: organization.id, userId: null, role: "admin" as const };
  const emit = (i: number) =>
    inScopedTransaction(api, scope, (tx) =>
      emitEvent(tx, organization.id, "patient.created", { patientId: `bench-${i}`, status: "invited" }),
    );
  // Warm-up: the worker is up, and every endpoint received one message.
  await emit(-1);
  await receivedAtLeast(1);
  endpoints.send("reset");
  received = [];

  console.log(
    `${EVENTS} events x ${ENDPOINTS} endpoints, ${RATE ? `${RATE} events/s` : "emitted as fast as possible"}; worker: ${JSON.stringify(workerEnv)}`,
  );
  const committedAt = new Map<string, number>();
  const started = now();
  let next = 0;
  await Promise.all(
    Array.from({ length: EMITTERS }, async () => {
      for (let i = next++; i < EVENTS; i = next++) {
        if (RATE) {
          const due = started + (i * 1000) / RATE;
          if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
        }
        const event = await emit(i);
        committedAt.set(event.id, now());
      }
    }),
  );
  const emitted = now();
  await receivedAtLeast(EVENTS);
  endpoints.send("report");
  while (!receipts.length) await new Promise((r) => setTimeout(r, 20));
  const finished = Math.max(...receipts.flat().map(([, at]) => at));

  const latencies = receipts
    .flat()
    .map(([id, at]) => at - (committedAt.get(id) ?? Number.NaN))
    .sort((a, b) => a - b);
  const at = (q: number) => (latencies[Math.floor(q * (latencies.length - 1))] ?? Number.NaN).toFixed(0);
  const deliveries = latencies.length;
  const seconds = (finished - started) / 1000;
  console.log(`emitted ${EVENTS} events in ${((emitted - started) / 1000).toFixed(2)} s`);
  console.log(
    `delivered ${deliveries} messages in ${seconds.toFixed(2)} s: ${(deliveries / seconds).toFixed(0)} deliveries/s`,
  );
  console.log(`commit -> receipt latency: p50 ${at(0.5)} ms, p90 ${at(0.9)} ms, p99 ${at(0.99)} ms, max ${at(1)} ms`);
  const [stages] = await owner.$queryRaw<Record<string, number>[]>`
    SELECT count(*)::int AS attempts,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.created_at) * 1000) AS fan_out_p50,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.created_at) * 1000) AS fan_out_p99,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.attempted_at - d.created_at) * 1000) AS send_p50,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.attempted_at - d.created_at) * 1000) AS send_p99
    FROM webhook_deliveries d JOIN webhook_events e ON e.id = d.event_id WHERE d.status = 'succeeded'`;
  const ms = (v: number | undefined) => `${Math.round(v ?? Number.NaN)} ms`;
  console.log(
    `delivery log: ${stages?.attempts} attempts succeeded (warm-up included); event -> attempt scheduled: p50 ${ms(stages?.fan_out_p50)}, p99 ${ms(stages?.fan_out_p99)}; scheduled -> sent: p50 ${ms(stages?.send_p50)}, p99 ${ms(stages?.send_p99)}`,
  );
  const problems = worker.output.filter((line) => /"level":(40|50|60)/.test(line));
  console.log(`worker warnings and errors: ${problems.length}`);
  for (const line of problems.slice(0, 5)) {
    const { msg, error } = JSON.parse(line) as { msg: string; error?: { message?: string } };
    console.log(`  ${msg} ${error?.message?.slice(0, 300) ?? ""}`);
  }
} finally {
  worker.child.kill("SIGTERM");
  await worker.exited;
  endpoints.send("stop");
  await owner.$disconnect();
  await api.$disconnect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
