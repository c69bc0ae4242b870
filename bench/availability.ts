/**
 * `npm run bench:availability`: a calendar of 10 specialists (weekdays 09:00-12:00 and 13:00-18:00
 * in five time zones), 1,000 booked appointments and 200 live holds, one month of 30-minute slots:
 *  (a) the pure computation (`computeTimeslots`, no I/O),
 *  (b) `POST /graphql` timeslots, as an anonymous booking widget and as a signed-in staff member,
 *  (c) `GET /v1/calendars/{id}/timeslots`,
 *  (d) SSE fan-out: 1,000 subscribers of `timeslotsChanged` on the calendar; the time from sending
 *      createHold (or releaseHold) to the last subscriber receiving the update, with subscribers of
 *      the month selecting only `changed`, then subscribers of one week selecting the whole list.
 * (b)-(d) run against a server process of its own (role api, production mode, Redis) on a fresh database; the
 * benchmark's own client work (1,000 SSE streams) shares the machine. Prints median and p99.
 * Needs the local PostgreSQL and Redis (TEST_DATABASE_URL / TEST_REDIS_URL, as the tests).
 *
 * `--tiny` (or BENCH_QUICK=1, as every bench) runs a configuration of a few seconds, to check the bench still runs
 * to the end; each size can also be set alone: BENCH_SUBSCRIBERS (1,000), BENCH_APPOINTMENTS
 * (1,000, spread over the 10 specialists), BENCH_HOLDS (200), BENCH_RUNS (timed requests per (b)/(c)
 * figure, 200), BENCH_ROUNDS (hold/release rounds per (d) figure, 15). BENCH_CPU_PROF=<dir> writes a
 * CPU profile of the server during (b)-(d) there (see bench/cpu-profile.ts).
 */
import { createPrisma, type PrismaClient } from "../src/db/prisma.js";
import {
  computeTimeslots,
  type SpecialistSchedule,
} from "../src/modules/scheduling/domain/availability/compute-timeslots.js";
import { boundaryInstant, datesBetween, isoWeekday } from "../src/modules/scheduling/domain/availability/time-zones.js";
import { asUser, createOrganization } from "../tests/support/auth.js";
import { startServerProcess } from "../tests/support/process.js";
import { testServerEnv } from "../tests/support/server.js";
import { benchDatabase, cpuOf, post, quick, summary, timed } from "./support.js";

const MINUTE = 60_000;
const DAY = 86_400_000;
const ZONES = ["Europe/Berlin", "America/New_York", "Asia/Kolkata", "UTC", "Australia/Lord_Howe"];
const WORKING_RANGES = [
  { start: 9 * 60, end: 12 * 60 },
  { start: 13 * 60, end: 18 * 60 },
];
const tiny = process.argv.includes("--tiny") || quick;
const size = (name: string, full: number, small: number) => {
  const value = process.env[name];
  if (value === undefined || value === "") return tiny ? small : full;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${value}`);
  return n;
};
const SUBSCRIBERS = size("BENCH_SUBSCRIBERS", 1_000, 20);
const APPOINTMENTS = size("BENCH_APPOINTMENTS", 1_000, 50);
const HOLDS = size("BENCH_HOLDS", 200, 10);
const RUNS = size("BENCH_RUNS", 200, 10);
const WARMUP = Math.max(1, Math.round(RUNS / 10));
const ROUNDS = size("BENCH_ROUNDS", 15, 2);
const PURE_RUNS = tiny ? 20 : 500;
const SPECIALISTS = 10;
/** SSE subscribers connect this many at a time (the listen backlog would drop a burst of 1,000 connects). */
const CONNECT_BATCH = Math.min(100, SUBSCRIBERS);
const profileDir = process.env.BENCH_CPU_PROF;

/**
 * Work done for `run` (called `n` times), less noisy than wall-clock time on a shared machine:
 * PostgreSQL transactions of the bench database, CPU time of the server, of its PostgreSQL
 * backends and of this process (the bench's own clients, e.g. 1,000 SSE readers).
 */
async function workOf<T>(db: PrismaClient, serverPid: number, n: number, run: () => Promise<T>): Promise<[T, string]> {
  // Too few runs to mean anything, and the counters' flush waits would be most of a tiny run.
  if (tiny) return [await run(), "not counted in the tiny configuration"];
  const counters = async () => {
    // The statistics collector flushes a backend's counters at most once a second.
    await new Promise((r) => setTimeout(r, 1_100));
    const [row] = await db.$queryRaw<{ xacts: bigint; backends: number[] | null }[]>`
      SELECT xact_commit + xact_rollback AS xacts,
        (SELECT array_agg(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()) AS backends
      FROM pg_stat_database WHERE datname = current_database()`;
    const client = process.cpuUsage();
    return {
      xacts: Number(row?.xacts ?? 0),
      backends: new Map((row?.backends ?? []).map((pid) => [pid, cpuOf(pid)])),
      server: cpuOf(serverPid),
      client: (client.user + client.system) / 1e6,
    };
  };
  const before = await counters();
  const result = await run();
  const after = await counters();
  const backends = [...after.backends].reduce((t, [pid, cpu]) => t + cpu - (before.backends.get(pid) ?? 0), 0);
  const ms = (seconds: number) => `${((seconds * 1000) / n).toFixed(2)} ms`;
  // The counters' own transaction is one of them.
  const xacts = (after.xacts - before.xacts - 1) / n;
  return [
    result,
    `${xacts.toFixed(1)} PostgreSQL transactions, CPU: server ${ms(after.server - before.server)}, ` +
      `PostgreSQL ${ms(backends)}, bench clients ${ms(after.client - before.client)}`,
  ];
}

const median = (times: number[]) => {
  const sorted = [...times].sort((x, y) => x - y);
  return sorted[Math.floor(0.5 * (sorted.length - 1))] ?? 0;
};

let seed = 42;
const random = () => {
  seed = (seed * 16_807) % 2_147_483_647;
  return seed / 2_147_483_647;
};

/** (a) The pure engine on synthetic data of the same shape; answers its median (ms). */
function benchPureComputation(): number {
  const from = Date.parse("2026-12-01T00:00:00Z");
  const to = Date.parse("2026-12-31T00:00:00Z");
  const specialists: SpecialistSchedule[] = Array.from({ length: SPECIALISTS }, (_, i) => ({
    id: `specialist-${i}`,
    timeZone: ZONES[i % ZONES.length] ?? "UTC",
    weeklyHours: [1, 2, 3, 4, 5].flatMap((weekday) => WORKING_RANGES.map((r) => ({ weekday, ...r }))),
    overrides: [],
    busy: [],
  }));
  const busy = APPOINTMENTS + HOLDS;
  for (let i = 0; i < busy; i++) {
    const start = from + Math.floor(random() * 30 * 48) * 30 * MINUTE;
    specialists[i % specialists.length]?.busy.push({ start, end: start + 30 * MINUTE });
  }
  const input = {
    from,
    to,
    now: from - 60 * MINUTE,
    rules: {
      durationMinutes: 30,
      slotIntervalMinutes: 30,
      bufferBeforeMinutes: 0,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 60,
      bookingHorizonDays: 90,
      maxBookingsPerDayPerSpecialist: 12,
      campaign: null,
    },
    specialists,
  };
  let slots = 0;
  const times = Array.from({ length: PURE_RUNS + PURE_RUNS / 10 }, () => {
    const started = performance.now();
    slots = computeTimeslots(input).length;
    return performance.now() - started;
  }).slice(PURE_RUNS / 10);
  summary(`(a) pure computation: ${slots} slots, ${busy.toLocaleString("en")} busy intervals`, times);
  return median(times);
}

const TIMESLOTS = `query BenchTimeslots($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!) {
  timeslots(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone) {
    __typename ... on QueryTimeslotsSuccess { data { start end availableSpecialists specialistIds } }
  }
}`;
const CREATE_HOLD = `mutation BenchCreateHold($input: CreateHoldInput!) {
  createHold(input: $input) { __typename ... on MutationCreateHoldSuccess { data { token } } }
}`;
const RELEASE_HOLD = `mutation BenchReleaseHold($token: String!) { releaseHold(token: $token) { __typename } }`;
const watchQuery = (
  selection: string,
) => `subscription BenchWatch($calendarId: ID!, $from: String!, $to: String!, $timeZone: String!) {
  timeslotsChanged(calendarId: $calendarId, from: $from, to: $to, timeZone: $timeZone) { reason ${selection} }
}`;

/** One SSE subscriber (graphql-sse distinct connections) that timestamps each message. */
function sseSubscriber(url: string, query: string, variables: Record<string, unknown>) {
  const controller = new AbortController();
  const waiting: ((at: number) => void)[] = [];
  const received: number[] = [];
  const opened = (async () => {
    const response = await fetch(`${url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "text/event-stream" },
      body: JSON.stringify({ query, variables }),
      signal: controller.signal,
    });
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    void (async () => {
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += decoder.decode(value, { stream: true });
          let end = buffer.indexOf("\n\n");
          while (end >= 0) {
            const frame = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            if (frame.startsWith("event: next")) {
              const at = performance.now();
              const waiter = waiting.shift();
              if (waiter) waiter(at);
              else received.push(at);
            }
            end = buffer.indexOf("\n\n");
          }
        }
      } catch {
        // aborted
      }
    })();
  })();
  return {
    opened,
    next: () =>
      new Promise<number>((resolve) => {
        const queued = received.shift();
        if (queued !== undefined) resolve(queued);
        else waiting.push(resolve);
      }),
    close: () => controller.abort(),
  };
}

/** Waits for every promise, or fails naming how many were still missing after `ms`. */
async function allWithin<T>(promises: Promise<T>[], ms: number, what: string): Promise<T[]> {
  let settled = 0;
  for (const p of promises) void p.then(() => settled++);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what}: ${promises.length - settled} of ${promises.length} missing after ${ms} ms`)),
      ms,
    );
  });
  try {
    return await Promise.race([Promise.all(promises), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function benchFanOut(
  server: { url: string; pid: number },
  db: PrismaClient,
  calendarId: string,
  range: { from: string; to: string; timeZone: string },
  selection: string,
  label: string,
  freeSlots: { start: string; specialistId: string }[],
) {
  // Connected in batches; each has its current slots before the first measured change.
  const subscribers: ReturnType<typeof sseSubscriber>[] = [];
  while (subscribers.length < SUBSCRIBERS) {
    const batch = Array.from({ length: Math.min(CONNECT_BATCH, SUBSCRIBERS - subscribers.length) }, () =>
      sseSubscriber(server.url, watchQuery(selection), { calendarId, ...range }),
    );
    await allWithin(
      batch.map((s) => s.opened),
      30_000,
      "connecting",
    );
    await allWithin(
      batch.map((s) => s.next()),
      30_000,
      `first message (${subscribers.length} connected)`,
    );
    subscribers.push(...batch);
  }
  const url = server.url;
  const lastArrivals: number[] = [];
  const allArrivals: number[] = [];
  const [, work] = await workOf(db, server.pid, 2 * ROUNDS, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const slot = freeSlots[round % freeSlots.length] as { start: string; specialistId: string };
      const visitor = { "x-forwarded-for": `10.99.${round}.1` };
      for (const action of ["create", "release"] as const) {
        const arrivals = subscribers.map((s) => s.next());
        const sent = performance.now();
        if (action === "create") {
          const data = await post(
            url,
            CREATE_HOLD,
            { input: { calendarId, start: slot.start, specialistId: slot.specialistId } },
            visitor,
          );
          const created = data.createHold as { __typename: string; data?: { token: string } };
          if (!created.data) throw new Error(`bench hold refused: ${created.__typename}`);
          (slot as { token?: string }).token = created.data.token;
        } else {
          await post(url, RELEASE_HOLD, { token: (slot as { token?: string }).token }, visitor);
        }
        const times = (await allWithin(arrivals, 30_000, `round ${round} ${action}`)).map((at) => at - sent);
        lastArrivals.push(Math.max(...times));
        allArrivals.push(...times);
      }
    }
  });
  for (const s of subscribers) s.close();
  summary(`(d) ${label}: last of ${SUBSCRIBERS.toLocaleString("en")} subscribers`, lastArrivals);
  summary(`    every subscriber's arrival`, allArrivals);
  console.log(`    per change (hold or release): ${work}`);
}

if (tiny) console.log("tiny configuration: figures only show that the bench runs");
const pureMedian = benchPureComputation();

const database = await benchDatabase("availability");
const { name, adminUrl } = database;
const owner = createPrisma(adminUrl, 4);
const server = await startServerProcess(
  testServerEnv(
    { name, adminUrl, appUrl: adminUrl, drop: async () => {} },
    // As deployed: production mode (no GraphiQL, masked errors, graphql-js without development checks).
    {
      SERVER_ROLE: "api",
      NODE_ENV: "production",
      INTEGRATIONS_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString("base64"),
      HOLD_TTL_SECONDS: "3600",
      ...(profileDir
        ? { NODE_OPTIONS: "--import tsx --import ./bench/cpu-profile.ts", CPU_PROFILE_DIR: profileDir }
        : {}),
    },
  ),
);

try {
  // Seed: an organization (its owner signs in), a 30-minute service, 10 specialists, a published calendar.
  const org = await createOrganization(server.url, "Bench clinic");
  const organizationId = Buffer.from(org.id, "base64").toString().split(":")[1] as string;
  const service = await owner.service.create({
    data: {
      organizationId,
      name: "Consultation",
      durationMinutes: 30,
      deliveryMode: "in_clinic",
      billingModel: "session_based",
      currency: "EUR",
      pricePerSession: 5000,
    },
  });
  const calendar = await owner.calendar.create({
    data: {
      organizationId,
      serviceId: service.id,
      name: "Consultations",
      slotIntervalMinutes: 30,
      bufferAfterMinutes: 10,
      minimumNoticeMinutes: 60,
      bookingHorizonDays: 90,
      maxBookingsPerDayPerSpecialist: 12,
      timezone: "Europe/Berlin",
      slug: `bench-${Date.now()}`,
    },
  });
  const firstDay = new Date(Date.now() + 7 * DAY).toISOString().slice(0, 10);
  const lastDay = new Date(Date.parse(firstDay) + 30 * DAY).toISOString().slice(0, 10);
  const specialists = [];
  for (let i = 0; i < SPECIALISTS; i++) {
    const timezone = ZONES[i % ZONES.length] as string;
    const specialist = await owner.specialist.create({
      data: { organizationId, firstName: `Specialist ${i}`, lastName: "Bench", timezone },
    });
    await owner.specialistWeeklyHours.createMany({
      data: [1, 2, 3, 4, 5].flatMap((weekday) =>
        WORKING_RANGES.map((r) => ({
          organizationId,
          specialistId: specialist.id,
          weekday,
          startMinute: r.start,
          endMinute: r.end,
        })),
      ),
    });
    await owner.calendarSpecialist.create({
      data: { organizationId, calendarId: calendar.id, specialistId: specialist.id },
    });
    specialists.push(specialist);
  }
  // The appointments, spread evenly over the specialists, on working half-hours of the month that
  // are never next to each other: with the 10-minute buffer after, back-to-back half-hours would
  // overlap, which the exclusion constraint `appointments_no_double_booking` refuses.
  const appointments = specialists.flatMap((specialist, i) => {
    const count = Math.floor(APPOINTMENTS / SPECIALISTS) + (i < APPOINTMENTS % SPECIALISTS ? 1 : 0);
    const starts = datesBetween(firstDay, lastDay)
      .filter((date) => isoWeekday(date) <= 5)
      .flatMap((date) =>
        WORKING_RANGES.flatMap((r) =>
          Array.from({ length: (r.end - r.start) / 30 }, (_, k) =>
            boundaryInstant(specialist.timezone, date, r.start + k * 30),
          ),
        ),
      );
    if (count > Math.ceil(starts.length / 2))
      throw new Error(`at most ${Math.ceil(starts.length / 2)} appointments per specialist`);
    const chosen = new Set<number>();
    while (chosen.size < count) {
      const k = Math.floor(random() * starts.length);
      const start = starts[k] as number;
      const neighbours = [starts[k - 1], starts[k + 1]].filter(
        (s) => s !== undefined && Math.abs(s - start) <= 40 * MINUTE,
      );
      if (!neighbours.some((s) => chosen.has(s as number))) chosen.add(start);
    }
    return [...chosen].map((start) => ({
      organizationId,
      calendarId: calendar.id,
      serviceId: service.id,
      specialistId: specialist.id,
      startAt: new Date(start),
      endAt: new Date(start + 30 * MINUTE),
      bufferAfterMinutes: 10,
    }));
  });
  await owner.appointment.createMany({ data: appointments });
  await owner.$executeRawUnsafe("ANALYZE");

  const calendarId = Buffer.from(`Calendar:${calendar.id}`).toString("base64");
  const range = { from: firstDay, to: lastDay, timeZone: "Europe/Berlin" };
  const slotsNow = async () => {
    const data = await post(server.url, TIMESLOTS, { calendarId, ...range });
    return (data.timeslots as { data: { start: string; specialistIds: string[] }[] }).data;
  };
  // Live holds from as many anonymous visitors, on free slots spread over the month.
  const free = (await slotsNow()).flatMap((s) =>
    s.specialistIds.map((specialistId) => ({ start: s.start, specialistId })),
  );
  const shuffled = free.sort(() => random() - 0.5);
  let holds = 0;
  for (const slot of shuffled) {
    if (holds === HOLDS) break;
    const data = await post(
      server.url,
      CREATE_HOLD,
      { input: { calendarId, ...slot } },
      { "x-forwarded-for": `10.50.${holds >> 8}.${holds & 255}` },
    );
    if ((data.createHold as { __typename: string }).__typename === "MutationCreateHoldSuccess") holds++;
  }
  const slots = await slotsNow();
  console.log(
    `seeded: 10 specialists in ${ZONES.length} zones, ${appointments.length} appointments, ${holds} live holds; ` +
      `${slots.length} slots (${slots.reduce((n, s) => n + s.specialistIds.length, 0)} specialist-slots) from ${firstDay} to ${lastDay}`,
  );

  // Profiles: (b) and (c) in one, (d) in another.
  if (profileDir) process.kill(server.pid, "SIGUSR2");
  const staff = asUser(org.ownerSub);
  const ratio = (times: number[]) => ` = ${(median(times) / pureMedian).toFixed(1)}× (a)`;
  const timeslotsBench = async (label: string, request: () => Promise<unknown>) => {
    await timed(WARMUP, 0, request);
    const [times, work] = await workOf(owner, server.pid, RUNS, () => timed(RUNS, 0, request));
    summary(label, times, ratio(times));
    console.log(`    per request: ${work}`);
  };
  await timeslotsBench("(b) POST /graphql timeslots, one month, anonymous widget", slotsNow);
  await timeslotsBench("(b) POST /graphql timeslots, one month, signed-in staff", () =>
    post(server.url, TIMESLOTS, { calendarId, ...range }, staff),
  );
  const v1 = `${server.url}/v1/calendars/${calendarId}/timeslots?from=${range.from}&to=${range.to}&timeZone=${range.timeZone}`;
  summary(
    "(c) GET /v1/calendars/{id}/timeslots, one month, anonymous",
    await timed(RUNS, WARMUP, async () => {
      const response = await fetch(v1);
      if (response.status !== 200) throw new Error(`status ${response.status}`);
      await response.json();
    }),
  );

  const freeNow = slots
    .filter((s) => s.specialistIds.length > 0)
    .slice(0, 40)
    .map((s) => ({ start: s.start, specialistId: s.specialistIds[0] as string }));
  if (profileDir) {
    process.kill(server.pid, "SIGUSR2");
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.kill(server.pid, "SIGUSR2");
  }
  await benchFanOut(
    server,
    owner,
    calendarId,
    range,
    "changed { start availableSpecialists }",
    "hold → subscribers selecting `changed`",
    freeNow,
  );
  // A widget showing one week, re-reading its whole list on every change.
  const week = { ...range, to: new Date(Date.parse(firstDay) + 7 * DAY).toISOString().slice(0, 10) };
  await benchFanOut(
    server,
    owner,
    calendarId,
    week,
    "slots { start end availableSpecialists specialistIds }",
    "hold → subscribers of a week selecting all `slots`",
    freeNow.filter((slot) => Date.parse(slot.start) < Date.parse(`${week.to}T00:00:00Z`)).slice(-15),
  );
  if (profileDir) {
    process.kill(server.pid, "SIGUSR2");
    await new Promise((resolve) => setTimeout(resolve, 1_000)); // the profile is written
  }
} catch (error) {
  console.error(server.output.slice(-20).join("\n"));
  throw error;
} finally {
  await server.stop();
  await owner.$disconnect();
  await database.drop();
}
