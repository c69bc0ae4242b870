import { afterAll, describe, expect, it } from "vitest";
import { type ServerProcess, startServerProcess } from "../support/process.js";
import { testServerEnv, useTestServer } from "../support/server.js";
import { useWebhookReceiver } from "../support/webhook-receiver.js";
import { createWebhook, deliveriesOf, madeDeliveriesOf, touch } from "./fixtures.js";

const webhookEnv = { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", WEBHOOK_TIMEOUT_MS: "60000" };

const api = useTestServer({ env: webhookEnv });
const endpoint = useWebhookReceiver((_request, index) => (index === 0 ? "hold" : { status: 200 }));
const workers: ServerProcess[] = [];

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop("SIGKILL")));
});

const startWorker = async () => {
  const worker = await startServerProcess(testServerEnv(api.db, { SERVER_ROLE: "worker", ...webhookEnv }));
  workers.push(worker);
  return worker;
};

describe("a worker killed in the middle of a delivery", () => {
  it("does not lose the message: another worker delivers it again, with the same webhook-id", {
    timeout: 90_000,
  }, async () => {
    const org = await api.createOrganization();
    const webhook = await createWebhook(api.url, org, endpoint.url);
    const first = await startWorker();
    await touch(api.url, org);
    const [held] = await endpoint.waitFor(1, 30_000);

    expect(await first.stop("SIGKILL")).toBeNull();
    const { deliveries } = await deliveriesOf(api.url, org.owner, webhook.id);
    expect(deliveries.map((d) => [d.attempt, d.status])).toEqual([[1, "pending"]]);

    const second = await startWorker();
    const [, redelivered] = await endpoint.waitFor(2, 45_000);
    expect(redelivered?.headers["webhook-id"]).toBe(held?.headers["webhook-id"]);
    expect(redelivered?.body).toBe(held?.body);
    const made = await madeDeliveriesOf(api.url, org.owner, webhook.id, 1);
    expect(made.deliveries.map((d) => [d.attempt, d.status, d.statusCode])).toEqual([[1, "succeeded", 200]]);
    expect(second.output.some((line) => line.includes("worker pools that are gone"))).toBe(true);
  });
});
