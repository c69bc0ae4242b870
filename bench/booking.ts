/**
 * `npm run bench:booking`: booking throughput and latency against a server process of its own
 * (role api, production mode, Redis) on a fresh database: one organization, a calendar of 20
 * specialists working 00:00-24:00 UTC every day, a 15-minute service on 15-minute slots, a
 * 365-day horizon, one patient and one admin API key per client (API keys: no JWT verification,
 * and each client has its own hold limit, as separate front desks would).
 *  (1) BENCH_CLIENTS (50) clients for BENCH_SECONDS (30 s), after a short warm-up: each takes the
 *      next (slot, specialist) from a shared, shuffled queue (so clients never collide), calls
 *      createHold for that specialist, then bookAppointment with the hold token. Prints bookings/s
 *      and p50/p90/p99/max of hold + book, book alone and hold alone, errors by type (expected:
 *      none), and per booking: PostgreSQL transactions, rows inserted, and CPU time of the server,
 *      the database's backends, Redis and the bench's clients (from /proc: what the load costs,
 *      whatever else runs on the machine); then checks in the database that there are exactly as
 *      many appointments as successes and that no two of a specialist overlap.
 *      Then the floor: the minimum SQL of a booking (scope settings, the appointment insert under the
 *      exclusion constraint, its history, event, job and audit rows, in one transaction) sent straight
 *      through `pg` by as many clients over a pool of the API's size, for the same time; prints
 *      bookings/s and API ÷ floor. With BENCH_PROCESSES=2 (default "1,2"), (1) runs again against two
 *      API processes (the clients alternate between them); on 2 cores that shows the overhead of a
 *      second process, not a speed-up.
 *  (2) 200 clients (each its own API key, connections opened beforehand) wait on a barrier, then
 *      all call bookAppointment(calendarId, start, specialistId) for one fresh slot: prints the
 *      time until the last has its answer, the successes (must be 1) and the other answers, per round.
 * The benchmark's clients share the machine with the server. Prints the load average at start and end.
 * DATABASE_POOL_SIZE is passed on to the server (10 by default); BENCH_CPU_PROF=<dir> writes a CPU
 * profile of the server during (1)'s measured part there (see bench/cpu-profile.ts).
 * BENCH_QUICK=1 runs a tiny configuration (bench/support.ts). Needs the local PostgreSQL and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, as the tests).
 */
import { loadavg } from "node:os";
import { Redis } from "ioredis";
import pg from "pg";
import { APP_ROLE, withSessionRole } from "../src/db/database.js";
import { createPrisma } from "../src/db/prisma.js";
import { createApiKey, createOrganization } from "../tests/support/auth.js";
import { testEnv } from "../tests/support/env.js";
import { startServerProcess } from "../tests/support/process.js";
import { roundTheClockCalendar } from "../tests/support/round-the-clock.js";
import { testServerEnv } from "../tests/support/server.js";
import { benchDatabase, cpuOf, scaled } from "./support.js";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? scaled(50, 4));
const SECONDS = Number(process.env.BENCH_SECONDS ?? scaled(30, 1));
const WARMUP_SECONDS = Math.min(3, SECONDS);
const PROCESSES = (process.env.BENCH_PROCESSES ?? "1,2").split(",").map(Number);
const POOL_SIZE = Number(process.env.DATABASE_POOL_SIZE ?? 10);
const SPECIALISTS = 20;
const RACERS = Number(process.env.BENCH_RACERS ?? scaled(200, 6));
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? scaled(5, 1));
const SLOT_MINUTES = 15;
const HORIZON_DAYS = 365;
const MINUTE = 60_000;
const DAY = 86_400_000;

let seed = 42;
const random = () => {
  seed = (seed * 16_807) % 2_147_483_647;
  return seed / 2_147_483_647;
};

const load = () =>
  loadavg()
    .map((x) => x.toFixed(2))
    .join(" ");
const globalId = (type: string, uuid: string) => Buffer.from(`${type}:${uuid}`).toString("base64");

function percentiles(label: string, times: number[]) {
  const sorted = [...times].sort((x, y) => x - y);
  const at = (q: number) => (sorted[Math.floor(q * (sorted.length - 1))] ?? 0).toFixed(1).padStart(7);
  console.log(`  ${label.padEnd(14)} p50 ${at(0.5)} ms   p90 ${at(0.9)} ms   p99 ${at(0.99)} ms   max ${at(1)} ms`);
}

const CREATE_HOLD = `mutation BenchCreateHold($input: CreateHoldInput!) {
  createHold(input: $input) { __typename ... on MutationCreateHoldSuccess { data { token } } }
}`;
const BOOK = `mutation BenchBook($input: BookAppointmentInput!) {
  bookAppointment(input: $input) { __typename ... on MutationBookAppointmentSuccess { data { appointmentId } } }
}`;

/** A mutation's result: its `__typename` and token, or what went wrong (HTTP status, GraphQL error). */
async function mutate(
  url: string,
  query: string,
  input: Record<string, unknown>,
  headers: Record<string, string>,
): Promise<{ type: string; token?: string }> {
  try {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: JSON.stringify({ query, variables: { input } }),
    });
    const result = (await response.json()) as {
      data?: Record<string, { __typename: string; data?: { token?: string } }>;
      errors?: { message: string }[];
    };
    if (result.errors?.length) return { type: `HTTP ${response.status}: ${result.errors[0]?.message}` };
    const [answer] = Object.values(result.data ?? {});
    return { type: answer?.__typename ?? `HTTP ${response.status}`, token: answer?.data?.token };
  } catch (error) {
    return { type: `fetch: ${(error as Error).message}` };
  }
}

const database = await benchDatabase("booking");
const { name, adminUrl } = database;
const owner = createPrisma(adminUrl, 4);
const profileDir = process.env.BENCH_CPU_PROF;
const startApi = (profile: boolean) =>
  startServerProcess(
    testServerEnv(
      { name, adminUrl, appUrl: adminUrl, drop: async () => {} },
      {
        SERVER_ROLE: "api",
        NODE_ENV: "production",
        INTEGRATIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
        DATABASE_POOL_SIZE: String(POOL_SIZE),
        ...(profile
          ? { NODE_OPTIONS: "--import tsx --import ./bench/cpu-profile.ts", CPU_PROFILE_DIR: profileDir }
          : {}),
      },
    ),
  );
const server = await startApi(Boolean(profileDir)).catch(async (error) => {
  await owner.$disconnect();
  await database.drop();
  throw error;
});
const servers = [server];
const stats = new pg.Client({ connectionString: adminUrl });
await stats.connect();
const redis = new Redis(testEnv.redisUrl);
console.log(
  `booking bench: ${CLIENTS} clients for ${SECONDS} s, ${SPECIALISTS} specialists, ${SLOT_MINUTES}-minute slots; ` +
    `API pool ${POOL_SIZE} connections; load average at start ${load()}`,
);

try {
  // Seed: organization (its owner signs in once), service, calendar, specialists working all day, patients, API keys.
  const org = await createOrganization(server.url, "Bench clinic");
  const organizationId = Buffer.from(org.id, "base64").toString().split(":")[1] as string;
  const { service, calendar, specialistIds } = await roundTheClockCalendar(owner, organizationId, {
    specialists: SPECIALISTS,
    slotMinutes: SLOT_MINUTES,
    horizonDays: HORIZON_DAYS,
    lastName: "Bench",
  });
  const patientIds: string[] = [];
  for (let i = 0; i < CLIENTS; i++) {
    const patient = await owner.patient.create({
      data: { organizationId, firstName: `Patient ${i}`, lastName: "Bench", status: "active", onboardedAt: new Date() },
    });
    patientIds.push(globalId("Patient", patient.id));
  }
  const keys: Record<string, string>[] = [];
  while (keys.length < Math.max(CLIENTS, RACERS)) {
    const batch = await Promise.all(Array.from({ length: 20 }, () => createApiKey(server.url, org, "admin")));
    keys.push(...batch.map(({ key }) => ({ "x-api-key": key })));
  }
  const calendarId = globalId("Calendar", calendar.id);

  // Every (slot, specialist) from tomorrow to the end of the horizon, shuffled: bookings spread over the year.
  const firstSlot = Math.ceil((Date.now() + DAY) / DAY) * DAY;
  const slotsPerDay = (24 * 60) / SLOT_MINUTES;
  const queue: { start: string; specialistId: string }[] = [];
  for (let slot = 0; slot < (HORIZON_DAYS - 3) * slotsPerDay; slot++) {
    const start = new Date(firstSlot + slot * SLOT_MINUTES * MINUTE).toISOString();
    for (const specialistId of specialistIds) queue.push({ start, specialistId });
  }
  for (let i = queue.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [queue[i], queue[j]] = [queue[j] as (typeof queue)[number], queue[i] as (typeof queue)[number]];
  }
  console.log(
    `seeded: ${CLIENTS} patients, ${keys.length} admin API keys, ${queue.length} (slot, specialist) pairs over ${HORIZON_DAYS - 3} days`,
  );

  const errors = new Map<string, number>();
  const fail = (what: string) => errors.set(what, (errors.get(what) ?? 0) + 1);
  let booked = 0;

  /** Clients holding and booking from the queue until `seconds` pass (client i on process i mod n); times in ms. */
  async function run(seconds: number, processes = 1) {
    const times = { total: [] as number[], hold: [] as number[], book: [] as number[] };
    const deadline = performance.now() + seconds * 1000;
    const client = async (i: number) => {
      const headers = keys[i] as Record<string, string>;
      const patientId = patientIds[i];
      const url = (servers[i % processes] as typeof server).url;
      while (performance.now() < deadline) {
        const slot = queue.pop();
        if (!slot) throw new Error("the slot queue ran dry");
        const started = performance.now();
        const hold = await mutate(url, CREATE_HOLD, { calendarId, ...slot }, headers);
        const held = performance.now();
        if (!hold.token) {
          fail(`createHold: ${hold.type}`);
          continue;
        }
        const book = await mutate(url, BOOK, { holdToken: hold.token, patientId }, headers);
        const done = performance.now();
        if (book.type !== "MutationBookAppointmentSuccess") {
          fail(`bookAppointment: ${book.type}`);
          continue;
        }
        booked++;
        times.total.push(done - started);
        times.hold.push(held - started);
        times.book.push(done - held);
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    return { ...times, seconds: (performance.now() - started) / 1000 };
  }

  /** Work counters: PostgreSQL's for the bench database, and CPU seconds of each process involved. */
  const counters = async () => {
    // The statistics collector flushes a backend's counters at most once a second.
    await new Promise((r) => setTimeout(r, 1_500));
    const { rows } = await stats.query<{ xacts: string; inserted: string; backends: number[] }>(
      `SELECT xact_commit + xact_rollback AS xacts, tup_inserted AS inserted,
        (SELECT array_agg(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS backends
       FROM pg_stat_database WHERE datname = current_database()`,
    );
    const row = rows[0];
    const info = await redis.info("cpu");
    const redisCpu = [...info.matchAll(/used_cpu_(?:user|sys):([\d.]+)/g)].reduce((t, m) => t + Number(m[1]), 0);
    const client = process.cpuUsage();
    return {
      xacts: Number(row?.xacts),
      inserted: Number(row?.inserted),
      backends: new Map((row?.backends ?? []).map((pid) => [pid, cpuOf(pid)])),
      server: servers.reduce((t, s) => t + cpuOf(s.pid), 0),
      redis: redisCpu,
      client: (client.user + client.system) / 1e6,
    };
  };

  /**
   * The floor: what PostgreSQL needs for a booking at the least, sent straight through `pg` as
   * the API role under the organization's scope: one transaction with the appointment (under the
   * exclusion constraint), its history row, its event row, its job and its audit row.
   */
  async function floor(seconds: number): Promise<number> {
    const pool = new pg.Pool({ connectionString: withSessionRole(adminUrl, APP_ROLE), max: POOL_SIZE });
    const uuid = (id: string) => Buffer.from(id, "base64").toString().split(":")[1] as string;
    let count = 0;
    const deadline = performance.now() + seconds * 1000;
    const client = async (i: number) => {
      const patientId = uuid(patientIds[i] as string);
      while (performance.now() < deadline) {
        const slot = queue.pop();
        if (!slot) throw new Error("the slot queue ran dry");
        const start = new Date(slot.start);
        const end = new Date(start.getTime() + SLOT_MINUTES * MINUTE);
        const db = await pool.connect();
        try {
          await db.query("BEGIN");
          await db.query(
            `SELECT set_config('app.organization_id', $1, true), set_config('app.user_id', '', true),
              set_config('app.role', 'admin', true), set_config('app.patient_id', '', true)`,
            [organizationId],
          );
          const { rows } = await db.query<{ id: string }>(
            `INSERT INTO appointments (organization_id, calendar_id, service_id, specialist_id, patient_id, start_at, end_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, now()) RETURNING id`,
            [organizationId, calendar.id, service.id, uuid(slot.specialistId), patientId, start, end],
          );
          const appointmentId = rows[0]?.id;
          await db.query(
            `INSERT INTO appointment_history (organization_id, appointment_id, to_status, actor) VALUES ($1, $2, 'booked', 'staff')`,
            [organizationId, appointmentId],
          );
          await db.query(
            `WITH event AS (INSERT INTO domain_events (organization_id, type, version, data) VALUES ($1, 'appointment.booked', 1, $2))
             SELECT tenancy.enqueue_job('bench_floor', $2::json)`,
            [organizationId, JSON.stringify({ appointmentId })],
          );
          await db.query(
            `INSERT INTO audit_log (organization_id, action, entity_type, entity_id) VALUES ($1, 'appointment.book', 'Appointment', $2)`,
            [organizationId, appointmentId],
          );
          await db.query("COMMIT");
          count++;
        } catch (error) {
          await db.query("ROLLBACK").catch(() => {});
          fail(`floor: ${(error as Error).message}`);
        } finally {
          db.release();
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    const elapsed = (performance.now() - started) / 1000;
    await pool.end();
    return count / elapsed;
  }

  console.log(`\n(1) ${CLIENTS} clients: createHold + bookAppointment on distinct slots`);
  const warm = await run(WARMUP_SECONDS);
  console.log(`  warm-up: ${warm.total.length} bookings in ${warm.seconds.toFixed(1)} s (not counted)`);
  errors.clear();
  const before = await counters();
  if (profileDir) process.kill(server.pid, "SIGUSR2");
  const measured = await run(SECONDS);
  if (profileDir) process.kill(server.pid, "SIGUSR2");
  const after = await counters();
  const n = measured.total.length;
  const apiRate = n / measured.seconds;
  console.log(
    `  ${n} bookings in ${measured.seconds.toFixed(1)} s: ${apiRate.toFixed(0)} bookings/s ` +
      `(${((2 * n) / measured.seconds).toFixed(0)} mutations/s)`,
  );
  percentiles("hold + book", measured.total);
  percentiles("book alone", measured.book);
  percentiles("hold alone", measured.hold);
  console.log(`  errors: ${errors.size ? JSON.stringify(Object.fromEntries(errors)) : "none"}`);
  const ms = (seconds: number) => `${((seconds * 1000) / n).toFixed(1)} ms`;
  const backends = [...after.backends].reduce((t, [pid, cpu]) => t + cpu - (before.backends.get(pid) ?? 0), 0);
  console.log(
    `  per booking: ${((after.xacts - before.xacts) / n).toFixed(1)} PostgreSQL transactions, ` +
      `${((after.inserted - before.inserted) / n).toFixed(1)} rows inserted; CPU: server ${ms(after.server - before.server)}, ` +
      `PostgreSQL backends ${ms(backends)}, Redis ${ms(after.redis - before.redis)} (whole instance), ` +
      `bench clients ${ms(after.client - before.client)}`,
  );

  const [counted] = (
    await stats.query<{ appointments: string; overlaps: string }>(
      `SELECT (SELECT count(*) FROM appointments WHERE status <> 'cancelled') AS appointments,
        (SELECT count(*) FROM appointments a JOIN appointments b
           ON b.specialist_id = a.specialist_id AND b.id > a.id
          AND tstzrange(a.start_at - make_interval(mins => a.buffer_before_minutes), a.end_at + make_interval(mins => a.buffer_after_minutes))
           && tstzrange(b.start_at - make_interval(mins => b.buffer_before_minutes), b.end_at + make_interval(mins => b.buffer_after_minutes))
         WHERE a.status <> 'cancelled' AND b.status <> 'cancelled') AS overlaps`,
    )
  ).rows;
  const appointments = Number(counted?.appointments);
  console.log(
    `  database: ${appointments} appointments for ${booked} successful bookings (warm-up included) ` +
      `${appointments === booked ? "✓" : "✗ MISMATCH"}; overlapping pairs of a specialist: ${counted?.overlaps} ` +
      `${counted?.overlaps === "0" ? "✓" : "✗"}`,
  );

  const floorRate = await floor(SECONDS);
  console.log(
    `  floor (minimum SQL of a booking through pg, ${CLIENTS} clients, pool ${POOL_SIZE}): ${floorRate.toFixed(0)} bookings/s; ` +
      `API ÷ floor ${(apiRate / floorRate).toFixed(2)}`,
  );

  for (const processes of PROCESSES.filter((p) => p > 1)) {
    while (servers.length < processes) servers.push(await startApi(false));
    await run(WARMUP_SECONDS, processes);
    const twice = await run(SECONDS, processes);
    console.log(
      `  ${processes} API processes (clients alternate): ${(twice.total.length / twice.seconds).toFixed(0)} bookings/s ` +
        `(1 process: ${apiRate.toFixed(0)})`,
    );
    percentiles("hold + book", twice.total);
  }

  console.log(`\n(2) ${RACERS} clients racing for one slot with bookAppointment(calendarId, start, specialistId)`);
  for (let round = 1; round <= ROUNDS; round++) {
    const slot = queue.pop() as (typeof queue)[number];
    // One open keep-alive connection per racer, so the race measures the server, not TCP handshakes.
    await Promise.all(
      keys
        .slice(0, RACERS)
        .map(() => mutate(server.url, "query BenchWarm { __typename }", {}, {}).catch(() => undefined)),
    );
    let release: () => void = () => {};
    const barrier = new Promise<void>((resolve) => {
      release = resolve;
    });
    const racers = keys.slice(0, RACERS).map(async (headers, i) => {
      await barrier;
      const answer = await mutate(
        server.url,
        BOOK,
        { calendarId, ...slot, patientId: patientIds[i % patientIds.length] },
        headers,
      );
      return { type: answer.type, at: performance.now() };
    });
    const started = performance.now();
    release();
    const answers = await Promise.all(racers);
    const times = answers.map((a) => a.at - started).sort((x, y) => x - y);
    const types = new Map<string, number>();
    for (const a of answers) types.set(a.type, (types.get(a.type) ?? 0) + 1);
    const wins = types.get("MutationBookAppointmentSuccess") ?? 0;
    types.delete("MutationBookAppointmentSuccess");
    console.log(
      `  round ${round}: all ${RACERS} answered in ${(times.at(-1) ?? 0).toFixed(0)} ms ` +
        `(first ${(times[0] ?? 0).toFixed(0)} ms, median ${(times[RACERS >> 1] ?? 0).toFixed(0)} ms); ` +
        `${wins} booked ${wins === 1 ? "✓" : "✗"}, others: ${JSON.stringify(Object.fromEntries(types))}`,
    );
  }
  console.log(`\nload average at end ${load()}`);
} catch (error) {
  console.error(server.output.slice(-20).join("\n"));
  throw error;
} finally {
  await Promise.all(servers.map((s) => s.stop()));
  await stats.end();
  redis.disconnect();
  await owner.$disconnect();
  await database.drop();
}
