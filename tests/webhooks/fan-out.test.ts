import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/db/prisma.js";
import { inScopedTransaction } from "../../src/db/tenant.js";
import { emitEvent } from "../../src/events/index.js";
import type { TestOrganization } from "../support/auth.js";
import { uuidOf } from "../support/graphql.js";
import { type ServerProcess, startServerProcess } from "../support/process.js";
import { testServerEnv, useTestServer } from "../support/server.js";
import { messageOf, startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createWebhook, eventually, madeDeliveriesOf, touch } from "./fixtures.js";

// One request at a time per endpoint: what an endpoint receives is in the order it was sent.
const webhookEnv = { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", WEBHOOK_ENDPOINT_CONCURRENCY: "1" };

// No worker in this process: jobs wait in the database until the worker process starts.
const api = useTestServer({ env: webhookEnv });
let app: PrismaClient;
let owner: pg.Client;
let worker: ServerProcess | undefined;
const receivers: WebhookReceiver[] = [];

beforeAll(async () => {
  app = createPrisma(api.db.appUrl, 8);
  owner = new pg.Client({ connectionString: api.db.adminUrl });
  await owner.connect();
});
afterAll(async () => {
  await worker?.stop("SIGKILL");
  await Promise.all(receivers.map((r) => r.close()));
  await app?.$disconnect();
  await owner?.end();
});

const receiver = async () => {
  const started = await startWebhookReceiver();
  receivers.push(started);
  return started;
};

/** Emits `patient.created` events with these patient ids, all in one transaction, as an API request would. */
const emitInOneTransaction = (org: TestOrganization, patientIds: string[], then?: () => never) =>
  inScopedTransaction(app, { organizationId: uuidOf(org.id), userId: null, role: "admin" }, async (tx) => {
    const ids = [];
    for (const patientId of patientIds) {
      ids.push((await emitEvent(tx, uuidOf(org.id), "patient.created", { patientId, status: "invited" })).id);
    }
    then?.();
    return ids;
  });

/** The webhook tasks' jobs waiting in graphile-worker's queue. */
const webhookJobs = async () =>
  (
    await owner.query<{ task: string; key: string | null }>(
      `SELECT t.identifier AS task, j.key FROM graphile_worker._private_jobs j
       JOIN graphile_worker._private_tasks t ON t.id = j.task_id
       WHERE t.identifier LIKE '%webhook%' ORDER BY j.id`,
    )
  ).rows;

/** Events waiting in the webhooks subscriber's queue. */
const queuedForWebhooks = async () =>
  (await owner.query("SELECT count(*)::int AS n FROM event_deliveries WHERE subscriber = 'webhooks'")).rows[0].n;

const receivedMessages = (endpoint: WebhookReceiver) =>
  endpoint.requests.map((r) => {
    const { type, data } = messageOf(r);
    return type === "organization.updated" ? data.name : data.patientId;
  });

describe("fanning out events", () => {
  it("queues one fan-out job for many events, not one per event, and sends them in the order they were emitted", {
    timeout: 90_000,
  }, async () => {
    const org = await api.createOrganization();
    const endpoint = await receiver();
    const webhook = await createWebhook(api.url, org, endpoint.url);
    for (const name of ["One", "Two", "Three"]) await touch(api.url, org, name);
    await emitInOneTransaction(org, ["burst-1", "burst-2", "burst-3", "burst-4", "burst-5", "burst-6"]);
    await expect(
      emitInOneTransaction(org, ["rolled-back"], () => {
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    await touch(api.url, org, "Four");

    // Ten events in five transactions, and no worker yet: one job waits, keyed to the organization.
    expect(await webhookJobs()).toEqual([{ task: "fan_out_webhook_events", key: `events:webhooks:${uuidOf(org.id)}` }]);
    expect(await queuedForWebhooks()).toBe(10);

    worker = await startServerProcess(testServerEnv(api.db, { SERVER_ROLE: "worker", ...webhookEnv }));
    await endpoint.waitFor(10, 30_000);
    expect(receivedMessages(endpoint)).toEqual([
      "One",
      "Two",
      "Three",
      "burst-1",
      "burst-2",
      "burst-3",
      "burst-4",
      "burst-5",
      "burst-6",
      "Four",
    ]);
    const log = await madeDeliveriesOf(api.url, org.owner, webhook.id, 10);
    expect(log.deliveries.every((d) => d.status === "succeeded" && d.attempt === 1)).toBe(true);
    await eventually(async () => {
      expect(await webhookJobs()).toEqual([]);
      expect(await queuedForWebhooks()).toBe(0);
    });
  });

  it("delivers a burst of events of one transaction to every endpoint in order", { timeout: 60_000 }, async () => {
    const org = await api.createOrganization();
    const endpoints = [await receiver(), await receiver()];
    for (const endpoint of endpoints) await createWebhook(api.url, org, endpoint.url);
    const burst = Array.from({ length: 40 }, (_, i) => `burst-${i}`);
    await emitInOneTransaction(org, burst);
    for (const endpoint of endpoints) {
      await endpoint.waitFor(40, 30_000);
      expect(receivedMessages(endpoint)).toEqual(burst);
    }
  });

  it("loses no event of transactions committing while fan-outs run, and schedules none twice", {
    timeout: 60_000,
  }, async () => {
    const org = await api.createOrganization();
    const endpoint = await receiver();
    const webhook = await createWebhook(api.url, org, endpoint.url);
    const emitted = (
      await Promise.all(
        Array.from({ length: 8 }, (_, lane) =>
          (async () => {
            const ids: string[] = [];
            for (let i = 0; i < 15; i++) ids.push(...(await emitInOneTransaction(org, [`lane-${lane}-${i}`])));
            return ids;
          })(),
        ),
      )
    ).flat();

    await endpoint.waitFor(emitted.length, 30_000);
    const received = endpoint.requests.map((r) => String(r.headers["webhook-id"]));
    expect(new Set(received)).toEqual(new Set(emitted));
    const { rows } = await owner.query(
      "SELECT count(*)::int AS n, count(DISTINCT event_id)::int AS events FROM webhook_deliveries WHERE subscription_id = $1",
      [uuidOf(webhook.id)],
    );
    expect(rows[0]).toEqual({ n: emitted.length, events: emitted.length });
    // Each lane's events went out in the order the lane emitted them.
    for (let lane = 0; lane < 8; lane++) {
      const order = receivedMessages(endpoint).filter((m) => String(m).startsWith(`lane-${lane}-`));
      expect(order).toEqual(Array.from({ length: 15 }, (_, i) => `lane-${lane}-${i}`));
    }
  });
});
