import { writeFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/db/prisma.js";
import { clerk, createApiKey, createOrganization, unique } from "../support/auth.js";
import { type OwnPostgres, type OwnRedis, startOwnPostgres, startOwnRedis } from "../support/fault-services.js";
import { globalId, uuidOf } from "../support/graphql.js";
import { type ServerProcess, startServerProcess } from "../support/process.js";
import { roundTheClockCalendar } from "../support/round-the-clock.js";

/*
 * Fault injection (issue 14): a server process (role `all`: HTTP and worker) on a PostgreSQL
 * cluster and a Redis of this test's own, under a small booking load through /v1/appointments;
 * Redis is killed and brought back, PostgreSQL restarted, then stopped for a few seconds. The
 * process must stay up, failures must be typed (503 SERVICE_UNAVAILABLE or another coded error,
 * never a bare 500, never a hang), bookings must work again soon after the dependency returns,
 * and what was answered as booked must be exactly what the database holds.
 */

const CLIENTS = 6;
const SPECIALISTS = 6;
const HANG_MS = 10_000;
const RECOVERY_MS = 2_000;
const RETRY_PAUSE_MS = 150;
const SLOT_MINUTES = 15;
const MINUTE = 60_000;
const DAY = 86_400_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Answer {
  key: string;
  status: number | "hang" | "refused";
  code?: string;
  sentAt: number;
  doneAt: number;
  appointmentId?: string;
}

let postgres: OwnPostgres;
let redis: OwnRedis;
let server: ServerProcess;
let owner: PrismaClient;

beforeAll(async () => {
  [postgres, redis] = await Promise.all([startOwnPostgres(), startOwnRedis()]);
  server = await startServerProcess(
    {
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      DATABASE_URL: postgres.url,
      REDIS_URL: redis.url,
      REDIS_PREFIX: "faults:",
      MIGRATE_ON_START: "true",
      CLERK_JWT_KEY: clerk.publicKey,
      SERVER_ROLE: "all",
    },
    60_000,
  );
  owner = createPrisma(postgres.url, 2);
}, 120_000);

afterAll(async () => {
  // FAULTS_SERVER_LOG=<file> keeps the server's log lines, to see what it did during the faults.
  if (process.env.FAULTS_SERVER_LOG && server) writeFileSync(process.env.FAULTS_SERVER_LOG, server.output.join("\n"));
  await owner?.$disconnect();
  await server?.stop("SIGKILL");
  await Promise.allSettled([postgres?.destroy(), redis?.destroy()]);
});

describe("faults of PostgreSQL and Redis under a booking load", () => {
  it("keeps serving, answers outages as typed 503s, recovers, and answers exactly what was committed", async () => {
    // Seed: an organization, a calendar of specialists working around the clock, patients, API keys.
    const org = await createOrganization(server.url, "Fault clinic");
    const organizationId = uuidOf(org.id);
    const { calendar, specialistIds } = await roundTheClockCalendar(owner, organizationId, {
      specialists: SPECIALISTS,
      slotMinutes: SLOT_MINUTES,
      horizonDays: 60,
      lastName: "Faults",
    });
    const patientIds: string[] = [];
    const keys: string[] = [];
    for (let i = 0; i < CLIENTS; i++) {
      const patient = await owner.patient.create({
        data: {
          organizationId,
          firstName: `Patient ${i}`,
          lastName: "Faults",
          status: "active",
          onboardedAt: new Date(),
        },
      });
      patientIds.push(globalId("Patient", patient.id));
      keys.push((await createApiKey(server.url, org, "admin")).key);
    }
    const calendarId = globalId("Calendar", calendar.id);
    const firstSlot = Math.ceil((Date.now() + DAY) / DAY) * DAY;
    let nextSlot = 0;
    const takeSlot = () => {
      const n = nextSlot++;
      return {
        start: new Date(firstSlot + Math.floor(n / SPECIALISTS) * SLOT_MINUTES * MINUTE).toISOString(),
        specialistId: specialistIds[n % SPECIALISTS] as string,
      };
    };

    // The load: each client books its next slot with an Idempotency-Key, retrying the same key until booked.
    const answers: Answer[] = [];
    const booked = new Map<string, string>(); // idempotency key -> appointment id answered
    const pending = new Map<string, { body: Record<string, unknown>; client: number }>();
    const book = async (client: number, key: string, body: Record<string, unknown>): Promise<Answer> => {
      const sentAt = performance.now();
      try {
        const response = await fetch(`${server.url}/v1/appointments`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-api-key": keys[client] as string, "idempotency-key": key },
          body: JSON.stringify(body),
          signal: AbortSignal.timeout(HANG_MS),
        });
        const json = (await response.json().catch(() => ({}))) as {
          appointmentId?: string;
          error?: { code?: string };
        };
        return {
          key,
          status: response.status,
          code: json.error?.code,
          appointmentId: json.appointmentId,
          sentAt,
          doneAt: performance.now(),
        };
      } catch (error) {
        const status = (error as Error).name === "TimeoutError" ? "hang" : "refused";
        return { key, status, sentAt, doneAt: performance.now() };
      }
    };
    let running = true;
    const client = async (i: number) => {
      while (running) {
        const key = unique(`fault-${i}`);
        const body = { calendarId, ...takeSlot(), patientId: patientIds[i] };
        pending.set(key, { body, client: i });
        while (running) {
          const answer = await book(i, key, body);
          answers.push(answer);
          if (answer.status === 201 && answer.appointmentId) {
            booked.set(key, answer.appointmentId);
            pending.delete(key);
            break;
          }
          await sleep(RETRY_PAUSE_MS);
        }
      }
    };
    const readiness: { phase: string; status: number; ms: number }[] = [];
    const probeReadiness = async (phase: string) => {
      const sent = performance.now();
      const response = await fetch(`${server.url}/readyz`, { signal: AbortSignal.timeout(HANG_MS) });
      readiness.push({ phase, status: response.status, ms: Math.round(performance.now() - sent) });
    };

    const load = Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
    const faults: { name: string; from: number; back: number }[] = [];
    const fault = async (name: string, inject: () => Promise<void>, restore: () => Promise<void>, downMs: number) => {
      const from = performance.now();
      await inject();
      const probes = (async () => {
        for (let t = 0; t < downMs; t += 1_000) {
          await probeReadiness(name);
          await sleep(1_000);
        }
      })();
      await sleep(downMs);
      await probes;
      await restore();
      const back = performance.now();
      faults.push({ name, from, back });
      // The next fault waits for a booking to succeed after this one (answers are slow on a loaded machine).
      for (let waited = 0; waited < 20_000 && !answers.some((a) => a.status === 201 && a.doneAt >= back); waited += 100)
        await sleep(100);
      await sleep(1_000);
      await probeReadiness(`${name}: after`);
    };

    await sleep(2_000);
    await fault(
      "Redis killed 3 s",
      () => redis.kill(),
      () => redis.start(),
      3_000,
    );
    await fault(
      "PostgreSQL restart -m fast",
      () => postgres.restart(),
      async () => {},
      0,
    );
    await fault(
      "PostgreSQL stopped 4 s",
      () => postgres.stopImmediately(),
      () => postgres.start(),
      4_000,
    );
    running = false;
    await load;

    // Keys still being retried when the load stopped: one idempotent retry each settles them.
    for (const [key, { body, client: i }] of pending) {
      const answer = await book(i, key, body);
      answers.push(answer);
      if (answer.status === 201 && answer.appointmentId) booked.set(key, answer.appointmentId);
    }

    // Per fault: failed answers by status/code, and when bookings succeeded again after the dependency was back.
    const report = faults.map(({ name, from, back }, index) => {
      const until = faults[index + 1]?.from ?? Number.POSITIVE_INFINITY;
      const during = answers.filter((a) => a.doneAt >= from && a.doneAt < until);
      const failed = during.filter((a) => a.status !== 201);
      const byCode: Record<string, number> = {};
      for (const a of failed)
        byCode[`${a.status} ${a.code ?? "-"}`] = (byCode[`${a.status} ${a.code ?? "-"}`] ?? 0) + 1;
      // When bookings worked again: the first success answered after the return, counted from when
      // it was sent (0 if it was already waiting), so the machine's load does not count as downtime.
      const recoveries = during
        .filter((a) => a.status === 201 && a.doneAt >= back)
        .map((a) => Math.max(0, a.sentAt - back));
      const recoveryMs = recoveries.length ? Math.round(Math.min(...recoveries)) : Number.POSITIVE_INFINITY;
      const firstAnswered = during.find((a) => a.status === 201 && a.doneAt >= back);
      const firstSuccessAnsweredMs = firstAnswered ? Math.round(firstAnswered.doneAt - back) : null;
      const slowest = Math.round(Math.max(0, ...during.map((a) => a.doneAt - a.sentAt)));
      return { name, answers: during.length, failed: byCode, recoveryMs, firstSuccessAnsweredMs, slowestMs: slowest };
    });
    console.log(`fault figures:\n${report.map((r) => `  ${JSON.stringify(r)}`).join("\n")}`);
    console.log(`readiness: ${JSON.stringify(readiness)}`);
    const logLines = server.output.flatMap((line) => {
      try {
        return [JSON.parse(line) as { level: number; msg: string; requestId?: string }];
      } catch {
        return [];
      }
    });
    const errorLines = logLines.filter((l) => l.level >= 50);
    console.log(
      `log: ${errorLines.length} error lines, ${errorLines.filter((l) => l.requestId).length} with a requestId; ` +
        `${booked.size} bookings answered, ${answers.length} answers in all`,
    );

    // Lines a request logs about an outage carry its requestId.
    const requestLines = logLines.filter((l) =>
      /^(dependency unavailable|a step after the commit failed|the change committed but)/.test(l.msg),
    );
    expect(requestLines.length).toBeGreaterThan(0);
    expect(requestLines.filter((l) => !l.requestId)).toEqual([]);
    // graphile-worker found every error handler on the worker's pool (issue 11's start-up warning).
    expect(server.output.join("\n")).not.toMatch(/doesn't have (all of the )?error handlers/);
    // The process stayed up and serves.
    expect(server.output.join("\n")).not.toMatch(/unhandled promise rejection|uncaught exception/);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    // Every failed answer is typed: a 503 SERVICE_UNAVAILABLE or another coded error; never a bare 500, a hang or a refusal.
    const untyped = answers.filter(
      (a) => a.status !== 201 && (typeof a.status !== "number" || a.status === 500 || !a.code),
    );
    expect(untyped).toEqual([]);
    expect(answers.filter((a) => a.status === 503).every((a) => a.code === "SERVICE_UNAVAILABLE")).toBe(true);
    // Bookings succeed again within 2 s of each dependency's return.
    for (const r of report) expect(r.recoveryMs, r.name).toBeLessThan(RECOVERY_MS);
    // Readiness said 503 while a dependency was down, and 200 after.
    expect(readiness.filter((r) => r.phase.endsWith("after")).every((r) => r.status === 200)).toBe(true);
    expect(readiness.filter((r) => !r.phase.endsWith("after")).some((r) => r.status === 503)).toBe(true);

    // Integrity: every appointment answered as booked exists once, and every committed one was answered.
    expect(pending.size === 0 || [...pending.keys()].every((key) => booked.has(key))).toBe(true);
    const rows = await owner.appointment.findMany({
      where: { organizationId },
      select: { id: true, idempotencyKey: true },
    });
    const byKey = new Map(rows.map((r) => [r.idempotencyKey, r.id]));
    expect(rows.length).toBe(byKey.size);
    for (const [key, appointmentId] of booked)
      expect(globalId("Appointment", byKey.get(key) ?? "?")).toBe(appointmentId);
    expect(rows.length).toBe(booked.size);
    const [counted] = await owner.$queryRaw<{ overlaps: number }[]>`
      SELECT count(*)::int AS overlaps FROM appointments a JOIN appointments b
        ON b.specialist_id = a.specialist_id AND b.id > a.id AND tstzrange(a.start_at, a.end_at) && tstzrange(b.start_at, b.end_at)`;
    expect(counted?.overlaps).toBe(0);
  }, 150_000);
});
