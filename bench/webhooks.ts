/**
 * `npm run bench:webhooks [-- --events=10000 --rate=0 --emitters=16]`: 10,000 events of one organization
 * fanned out to 3 local endpoints (30,000 deliveries). Events are emitted as the API emits
 * them (one scoped transaction each, 16 at a time; `--rate` paces them, in events per second,
 * 0 = as fast as possible); a separate `SERVER_ROLE=worker` process delivers them to endpoints
 * served by a third process (`bench/webhook-receivers.ts`). Prints the
 * total time (first commit to last receipt), deliveries per second and the latency from each
 * event's commit to its receipt by each endpoint, and the jobs it took. WORKER_CONCURRENCY,
 * WEBHOOK_ENDPOINT_CONCURRENCY and DATABASE_POOL_SIZE are passed on to the worker.
 *
 * Then the floor, in the same run: as many signed messages sent straight to the same receivers
 * (the product's `sendMessage`, no database, no job), with the worker's concurrency per
 * endpoint and at the same pace, and the ratio of the two. `--events=20` runs in seconds.
 * BENCH_CPU_PROF=<dir> writes a CPU profile of the worker for the measured part to that folder.
 */
import { fork } from "node:child_process";
import pg from "pg";
import { parseConfig } from "../src/config/config.js";
import { APP_ROLE, withSessionRole } from "../src/db/database.js";
import { migrateDatabase } from "../src/db/migrations.js";
import { createPrisma } from "../src/db/prisma.js";
import { inScopedTransaction } from "../src/db/tenant.js";
import { emitEvent } from "../src/events/index.js";
import { createLogger } from "../src/logger.js";
// Every module's tasks and event subscriptions, as a server process loads them: the events this
// process emits are queued for the webhooks subscriber.
import "../src/jobs/registry.js";
import { sendMessage } from "../src/modules/webhooks/domain/send-message.js";
import { signatureHeader } from "../src/modules/webhooks/domain/signing.js";
import { newSigningSecrets } from "../src/modules/webhooks/domain/signing-secrets.js";
import { databaseUrl, testEnv } from "../tests/support/env.js";
import { runMain } from "../tests/support/process.js";
import { scaled } from "./support.js";

const argument = (name: string, fallback: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split("=")[1] ?? fallback);
const EVENTS = argument("events", scaled(10_000, 20));
const RATE = argument("rate", 0);
const ENDPOINTS = 3;
const EMITTERS = argument("emitters", 16);
const workerEnv = {
  WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? "24",
  WEBHOOK_ENDPOINT_CONCURRENCY: process.env.WEBHOOK_ENDPOINT_CONCURRENCY ?? "6",
  DATABASE_POOL_SIZE: process.env.DATABASE_POOL_SIZE ?? "24",
};

const now = () => performance.timeOrigin + performance.now();
const percentiles = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return (q: number) => sorted[Math.floor(q * (sorted.length - 1))] ?? Number.NaN;
};
const jobsQueued = async () => {
  // Jobs are deleted once done; their ids come from a sequence.
  const [row] = await owner.$queryRaw<{ n: bigint | null }[]>`
    SELECT last_value AS n FROM pg_sequences
    WHERE schemaname || '.' || sequencename = pg_get_serial_sequence('graphile_worker._private_jobs', 'id')`;
  return Number(row?.n ?? 0);
};
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
const profileDir = process.env.BENCH_CPU_PROF;
const worker = runMain({
  ...workerEnv,
  ...(profileDir ? { NODE_OPTIONS: "--import tsx --import ./bench/cpu-profile.ts", CPU_PROFILE_DIR: profileDir } : {}),
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
  /** Each endpoint's signing secret, for the floor's messages. */
  const secrets: string[] = [];
  for (const url of urls) {
    const { secret, stored } = newSigningSecrets(key);
    secrets.push(secret);
    await owner.webhookSubscription.create({ data: { organizationId: organization.id, url, ...stored } });
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
  const jobsBefore = await jobsQueued();
  if (profileDir && worker.child.pid) process.kill(worker.child.pid, "SIGUSR2");
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

  const jobs = (await jobsQueued()) - jobsBefore;
  if (profileDir && worker.child.pid) process.kill(worker.child.pid, "SIGUSR2");

  const latencies = receipts.flat().map(([id, at]) => at - (committedAt.get(id) ?? Number.NaN));
  const at = percentiles(latencies);
  const deliveries = latencies.length;
  const seconds = (finished - started) / 1000;
  const rate = deliveries / seconds;
  console.log(`emitted ${EVENTS} events in ${((emitted - started) / 1000).toFixed(2)} s`);
  console.log(`delivered ${deliveries} messages in ${seconds.toFixed(2)} s: ${rate.toFixed(0)} deliveries/s`);
  console.log(
    `commit -> receipt latency: p50 ${at(0.5).toFixed(0)} ms, p90 ${at(0.9).toFixed(0)} ms, p99 ${at(0.99).toFixed(0)} ms, max ${at(1).toFixed(0)} ms`,
  );
  console.log(
    `jobs queued: ${jobs} (fan-out and delivery runs) for ${EVENTS} events: ${(jobs / EVENTS).toFixed(3)} per event`,
  );

  // The floor: the same messages sent straight to the receivers, same concurrency, same pace.
  const concurrency = Number(workerEnv.WEBHOOK_ENDPOINT_CONCURRENCY);
  const webhooks = parseConfig({ WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" }).webhooks;
  const body = JSON.stringify({
    type: "patient.created",
    timestamp: new Date().toISOString(),
    data: { patientId: "bench-floor", status: "invited" },
  });
  const floorTimes: number[] = [];
  const floorStarted = now();
  await Promise.all(
    urls.flatMap((url, endpoint) => {
      let sent = 0;
      return Array.from({ length: concurrency }, async () => {
        for (let i = sent++; i < EVENTS; i = sent++) {
          if (RATE) {
            const due = floorStarted + (i * 1000) / RATE;
            if (due > now()) await new Promise((r) => setTimeout(r, due - now()));
          }
          const id = `floor-${endpoint}-${i}`;
          const begun = now();
          const result = await sendMessage(webhooks, url, {
            id,
            body,
            signature: (timestamp) => signatureHeader([secrets[endpoint] as string], id, timestamp, body),
          });
          if (result.statusCode !== 200) throw new Error(`floor: ${url} answered ${result.statusCode ?? result.error}`);
          floorTimes.push(now() - begun);
        }
      });
    }),
  );
  const floorRate = floorTimes.length / ((now() - floorStarted) / 1000);
  const floorAt = percentiles(floorTimes);
  console.log(
    `floor (signed POSTs straight to the receivers, ${concurrency} at a time per endpoint${RATE ? `, ${RATE}/s each` : ""}): ${floorRate.toFixed(0)} deliveries/s; request p50 ${floorAt(0.5).toFixed(1)} ms, p99 ${floorAt(0.99).toFixed(1)} ms`,
  );
  console.log(
    RATE
      ? `ratio: commit -> receipt p50 ${(at(0.5) / floorAt(0.5)).toFixed(1)}x, p99 ${(at(0.99) / floorAt(0.99)).toFixed(1)}x the floor's request time; deliveries/s ${(rate / floorRate).toFixed(2)}x the floor's (both paced)`
      : `ratio: ${(rate / floorRate).toFixed(2)}x the floor's deliveries/s`,
  );
  const [stages] = await owner.$queryRaw<Record<string, number>[]>`
    SELECT count(*)::int AS attempts,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.created_at) * 1000) AS fan_out_p50,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.created_at - e.created_at) * 1000) AS fan_out_p99,
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.attempted_at - d.created_at) * 1000) AS send_p50,
      percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.attempted_at - d.created_at) * 1000) AS send_p99
    FROM webhook_deliveries d JOIN domain_events e ON e.id = d.event_id WHERE d.status = 'succeeded'`;
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
