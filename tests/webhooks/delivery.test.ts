import { Webhook } from "standardwebhooks";
import { afterEach, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { gql, gqlData } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { messageOf, startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.js";
import { createWebhook, deliveriesOf, eventually, madeDeliveriesOf, touch } from "./fixtures.js";

const Rename = graphql(`
  mutation WebhooksDeliveryRename($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) { __typename ... on Error { code } }
  }
`);
const Events = graphql(`
  query WebhooksDeliveryEvents($id: ID!) {
    organization(id: $id) { webhookEvents(first: 50) { edges { node { id webhookId type data } } } }
  }
`);
const Update = graphql(`
  mutation WebhooksDeliveryUpdate($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(id: $id, input: $input) {
      __typename
      ... on MutationUpdateWebhookSubscriptionSuccess { data { enabled disabledReason consecutiveFailures } }
    }
  }
`);
const Ping = graphql(`
  mutation WebhooksDeliveryPing($id: ID!) {
    pingWebhook(id: $id) { __typename ... on MutationPingWebhookSuccess { data { id webhookId type } } }
  }
`);
const ReplayOne = graphql(`
  mutation WebhooksDeliveryReplayOne($input: ReplayWebhookEventInput!) {
    replayWebhookEvent(input: $input) { __typename ... on Error { code } }
  }
`);
const ReplaySince = graphql(`
  mutation WebhooksDeliveryReplaySince($input: ReplayWebhookEventsInput!) {
    replayWebhookEvents(input: $input) {
      __typename
      ... on MutationReplayWebhookEventsSuccess { data { events } }
      ... on Error { code }
    }
  }
`);
const Rotate = graphql(`
  mutation WebhooksDeliveryRotate($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      __typename
      ... on MutationRotateWebhookSecretSuccess { data { secret subscription { previousSecretExpiresAt } } }
    }
  }
`);

const server = useTestServer({
  worker: true,
  env: {
    WEBHOOK_ALLOWED_HOSTS: "127.0.0.1",
    WEBHOOK_RETRY_SCHEDULE: "200ms,200ms,200ms",
    WEBHOOK_MAX_CONSECUTIVE_FAILURES: "3",
    WEBHOOK_TIMEOUT_MS: "1000",
    WEBHOOK_ENDPOINT_CONCURRENCY: "1",
  },
});
const receivers: WebhookReceiver[] = [];

const receiver = async (...args: Parameters<typeof startWebhookReceiver>) => {
  const started = await startWebhookReceiver(...args);
  receivers.push(started);
  return started;
};

afterEach(async () => {
  await Promise.all(receivers.splice(0).map((r) => r.close()));
});

describe("delivering an event", () => {
  it("POSTs `{ type, timestamp, data }` signed so that standardwebhooks' Webhook.verify accepts it, with no credential of the product", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await gqlData(server.url, Rename, { id: org.id, input: { name: "Signed Clinic" } }, org.owner);

    const [request] = await endpoint.waitFor(1);
    if (!request) throw new Error("no request");
    const verified = new Webhook(webhook.secret).verify(request.body, request.headers as Record<string, string>);
    expect(verified).toEqual({
      type: "organization.updated",
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      data: expect.objectContaining({ organizationId: org.id, changedFields: ["name"], name: "Signed Clinic" }),
    });
    expect(Object.keys(request.headers).sort()).toEqual([
      "connection",
      "content-length",
      "content-type",
      "host",
      "user-agent",
      "webhook-id",
      "webhook-signature",
      "webhook-timestamp",
    ]);
    expect(request.headers["user-agent"]).toMatch(/^ClinicGraph-Webhooks\//);
    expect(request.headers["webhook-signature"]).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);

    const log = await madeDeliveriesOf(server.url, org.owner, webhook.id, 1);
    expect(log.deliveries[0]).toMatchObject({
      trigger: "event",
      attempt: 1,
      status: "succeeded",
      statusCode: 200,
      error: null,
      event: { webhookId: request.headers["webhook-id"], type: "organization.updated" },
    });
  });

  it("records the event in the transaction of the change: a change that rolls back sends nothing", async () => {
    const [org, other] = await Promise.all([server.createOrganization(), server.createOrganization()]);
    const endpoint = await receiver();
    await createWebhook(server.url, org, endpoint.url);
    const taken = await gqlData(server.url, Rename, { id: org.id, input: { slug: other.slug } }, org.owner);
    expect(taken.updateOrganization).toEqual({ __typename: "ConflictError", code: "CONFLICT" });
    await gqlData(server.url, Rename, { id: org.id, input: { name: "After the conflict" } }, org.owner);

    const [request] = await endpoint.waitFor(1);
    expect(messageOf(request as never).data).toMatchObject({ changedFields: ["name"], name: "After the conflict" });
    const events = await gqlData(server.url, Events, { id: org.id }, org.owner);
    expect(events.organization?.webhookEvents.edges.map((e) => e.node.type)).toEqual(["organization.updated"]);
  });

  it("only sends the event types an endpoint chose", async () => {
    const org = await server.createOrganization();
    const [keys, all] = await Promise.all([receiver(), receiver()]);
    const keysHook = await createWebhook(server.url, org, keys.url, ["api_key.created"]);
    await createWebhook(server.url, org, all.url);
    await touch(server.url, org);
    // Once `all` has it, the event's fan-out is done: an attempt to `keys` would be scheduled by now.
    await all.waitFor(1);
    expect((await deliveriesOf(server.url, org.owner, keysHook.id)).deliveries).toEqual([]);
    expect(keys.requests).toEqual([]);
  });
});

describe("retries", () => {
  it("endpoint down for the first attempts, then up: delivered with the same webhook-id, every attempt logged", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver((_request, index) =>
      index < 2 ? { status: 503, body: "maintenance" } : { status: 200 },
    );
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await touch(server.url, org);

    const requests = await endpoint.waitFor(3);
    const ids = new Set(requests.map((r) => r.headers["webhook-id"]));
    expect(ids.size).toBe(1);
    const log = await madeDeliveriesOf(server.url, org.owner, webhook.id, 3);
    expect(log.deliveries.map((d) => [d.attempt, d.status, d.statusCode, d.responseExcerpt])).toEqual([
      [3, "succeeded", 200, null],
      [2, "retrying", 503, "maintenance"],
      [1, "retrying", 503, "maintenance"],
    ]);
    expect(log.deliveries.every((d) => d.event.webhookId === [...ids][0])).toBe(true);
    expect(log.deliveries[1]?.nextAttemptAt).not.toBeNull();
    expect(log.consecutiveFailures).toBe(0);
  });

  it("waits at least as long as Retry-After says before the next attempt", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver((_r, index) =>
      index === 0 ? { status: 429, headers: { "retry-after": "2" } } : { status: 200 },
    );
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await touch(server.url, org);
    await endpoint.waitFor(2);
    const { deliveries } = await madeDeliveriesOf(server.url, org.owner, webhook.id, 2);
    const [second, first] = deliveries;
    expect(first).toMatchObject({ status: "retrying", statusCode: 429 });
    // The schedule says 200 ms (± 20 %); Retry-After says 2 s.
    const waited = Date.parse(String(first?.nextAttemptAt)) - Date.parse(String(first?.attemptedAt));
    expect(waited).toBeGreaterThanOrEqual(2_000);
    expect(second).toMatchObject({ attempt: 2, status: "succeeded", dueAt: first?.nextAttemptAt });
  });

  it("a 4xx answer is final: logged once, no retry scheduled", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver(() => ({ status: 422, body: '{"error":"unknown"}' }));
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await touch(server.url, org);
    const log = await madeDeliveriesOf(server.url, org.owner, webhook.id, 1);
    expect(log.deliveries[0]).toMatchObject({ attempt: 1, status: "failed", statusCode: 422, nextAttemptAt: null });
    expect(log.deliveries[0]?.responseExcerpt).toBe('{"error":"unknown"}');
    expect(log.consecutiveFailures).toBe(1);
    expect(endpoint.requests).toHaveLength(1);
  });

  it("a redirect is a failure and is not followed", async () => {
    const org = await server.createOrganization();
    const elsewhere = await receiver();
    const endpoint = await receiver((_r, index) =>
      index === 0 ? { status: 302, headers: { location: elsewhere.url } } : { status: 200 },
    );
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await touch(server.url, org);
    await endpoint.waitFor(2);
    const { deliveries } = await madeDeliveriesOf(server.url, org.owner, webhook.id, 2);
    expect(deliveries[1]).toMatchObject({ status: "retrying", statusCode: 302, error: "redirects are not followed" });
    expect(elsewhere.requests).toEqual([]);
  });

  it("an endpoint that does not answer in time is retried (WEBHOOK_TIMEOUT_MS)", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver((_r, index) => (index === 0 ? "hold" : { status: 200 }));
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await touch(server.url, org);
    await endpoint.waitFor(2);
    const { deliveries } = await madeDeliveriesOf(server.url, org.owner, webhook.id, 2);
    expect(deliveries.map((d) => [d.attempt, d.status, d.statusCode])).toEqual([
      [2, "succeeded", 200],
      [1, "retrying", null],
    ]);
    expect(deliveries[1]?.error).toBe("timed out after 1000 ms");
  });
});

describe("disabling endpoints", () => {
  it("410 Gone disables the endpoint at once and tells the organization's other endpoints", async () => {
    const org = await server.createOrganization();
    const [gone, watcher] = await Promise.all([receiver(() => ({ status: 410 })), receiver()]);
    const goneHook = await createWebhook(server.url, org, gone.url);
    await createWebhook(server.url, org, watcher.url, ["webhook.endpoint_disabled"]);
    await touch(server.url, org);

    const [notice] = await watcher.waitFor(1);
    expect(messageOf(notice as never)).toMatchObject({
      type: "webhook.endpoint_disabled",
      data: { subscriptionId: goneHook.id, url: gone.url, reason: "gone", consecutiveFailures: 1 },
    });
    const state = await deliveriesOf(server.url, org.owner, goneHook.id);
    expect(state).toMatchObject({ enabled: false, disabledReason: "gone" });
    expect(gone.requests).toHaveLength(1);
  });

  it("disables an endpoint after N consecutive failed messages, says so, and resumes once re-enabled", async () => {
    const org = await server.createOrganization();
    const failing = await receiver(() => ({ status: 400 }));
    const watcher = await receiver();
    const webhook = await createWebhook(server.url, org, failing.url, ["organization.updated"]);
    await createWebhook(server.url, org, watcher.url);
    for (let i = 1; i <= 3; i++) {
      await touch(server.url, org, `Failing ${i}`);
      await failing.waitFor(i);
    }
    const notice = await eventually(() => {
      const found = watcher.requests.map(messageOf).find((m) => m.type === "webhook.endpoint_disabled");
      if (!found) throw new Error("no webhook.endpoint_disabled yet");
      return found;
    });
    expect(notice.data).toMatchObject({ subscriptionId: webhook.id, reason: "failing", consecutiveFailures: 3 });
    expect(await deliveriesOf(server.url, org.owner, webhook.id)).toMatchObject({
      enabled: false,
      disabledReason: "failing",
      consecutiveFailures: 3,
    });

    // While disabled: nothing is sent to it (the watcher receives the change, the endpoint does not).
    await touch(server.url, org, "While disabled");
    await eventually(() =>
      expect(watcher.requests.map(messageOf).some((m) => m.data.name === "While disabled")).toBe(true),
    );
    expect(failing.requests).toHaveLength(3);

    failing.reply = () => ({ status: 204 });
    const enabled = await gqlData(server.url, Update, { id: webhook.id, input: { enabled: true } }, org.owner);
    expect(enabled.updateWebhookSubscription).toEqual({
      __typename: "MutationUpdateWebhookSubscriptionSuccess",
      data: { enabled: true, disabledReason: null, consecutiveFailures: 0 },
    });
    await touch(server.url, org, "Enabled again");
    const [, , , resumed] = await failing.waitFor(4);
    expect(messageOf(resumed as never).data.name).toBe("Enabled again");
  });
});

describe("ping, replay and secret rotation", () => {
  it("pingWebhook sends one webhook.ping message, and its failure changes nothing", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver(() => ({ status: 500 }));
    const webhook = await createWebhook(server.url, org, endpoint.url);
    const ping = await gqlData(server.url, Ping, { id: webhook.id }, org.owner);
    if (ping.pingWebhook.__typename !== "MutationPingWebhookSuccess") throw new Error(JSON.stringify(ping));
    const [request] = await endpoint.waitFor(1);
    expect(messageOf(request as never)).toMatchObject({ type: "webhook.ping", data: { subscriptionId: webhook.id } });
    expect(request?.headers["webhook-id"]).toBe(ping.pingWebhook.data.webhookId);
    const log = await madeDeliveriesOf(server.url, org.owner, webhook.id, 1);
    expect(log.deliveries[0]).toMatchObject({ trigger: "ping", status: "failed", statusCode: 500 });
    expect(log).toMatchObject({ enabled: true, consecutiveFailures: 0 });
  });

  it("pings a disabled endpoint too, and sends it nothing else", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await gqlData(server.url, Update, { id: webhook.id, input: { enabled: false } }, org.owner);
    await touch(server.url, org);
    await gqlData(server.url, Ping, { id: webhook.id }, org.owner);
    const [request] = await endpoint.waitFor(1);
    expect(messageOf(request as never).type).toBe("webhook.ping");
    const log = await madeDeliveriesOf(server.url, org.owner, webhook.id, 1);
    expect(log.deliveries.map((d) => [d.trigger, d.status])).toEqual([["ping", "succeeded"]]);
    expect(endpoint.requests).toHaveLength(1);
  });

  it("replays one event with the same webhook-id", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await touch(server.url, org);
    const [original] = await endpoint.waitFor(1);
    const events = await gqlData(server.url, Events, { id: org.id }, org.owner);
    const event = events.organization?.webhookEvents.edges[0]?.node;
    const replayed = await gqlData(
      server.url,
      ReplayOne,
      { input: { subscriptionId: webhook.id, eventId: event?.id ?? "" } },
      org.owner,
    );
    expect(replayed.replayWebhookEvent.__typename).toBe("MutationReplayWebhookEventSuccess");
    const [, again] = await endpoint.waitFor(2);
    expect(again?.headers["webhook-id"]).toBe(original?.headers["webhook-id"]);
    expect(again?.body).toBe(original?.body);
    await eventually(async () => {
      const { deliveries } = await deliveriesOf(server.url, org.owner, webhook.id);
      expect(deliveries.map((d) => [d.trigger, d.attempt, d.status])).toEqual([
        ["replay", 1, "succeeded"],
        ["event", 1, "succeeded"],
      ]);
    });
  });

  it("replays every event since a time, e.g. those emitted while the endpoint was disabled", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver();
    const webhook = await createWebhook(server.url, org, endpoint.url, ["organization.updated"]);
    await gqlData(server.url, Update, { id: webhook.id, input: { enabled: false } }, org.owner);
    const refused = await gqlData(
      server.url,
      ReplaySince,
      { input: { subscriptionId: webhook.id, since: new Date(Date.now() - 60_000).toISOString() } },
      org.owner,
    );
    expect(refused.replayWebhookEvents).toEqual({ __typename: "ConflictError", code: "CONFLICT" });
    const since = new Date(Date.now() - 1_000).toISOString();
    const watcher = await receiver();
    await createWebhook(server.url, org, watcher.url);
    await touch(server.url, org, "Missed 1");
    await touch(server.url, org, "Missed 2");
    // The watcher has both: their fan-out ran while the endpoint was disabled.
    await watcher.waitFor(2);
    await gqlData(server.url, Update, { id: webhook.id, input: { enabled: true } }, org.owner);
    expect(endpoint.requests).toEqual([]);

    const replay = await gqlData(server.url, ReplaySince, { input: { subscriptionId: webhook.id, since } }, org.owner);
    expect(replay.replayWebhookEvents).toEqual({
      __typename: "MutationReplayWebhookEventsSuccess",
      data: { events: 2 },
    });
    const requests = await endpoint.waitFor(2);
    expect(requests.map((r) => messageOf(r).data.name).sort()).toEqual(["Missed 1", "Missed 2"]);
  });

  it("after a rotation, signs with both secrets during the grace period, and with the new one only without", async () => {
    const org = await server.createOrganization();
    const endpoint = await receiver();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    const rotated = await gqlData(server.url, Rotate, { input: { id: webhook.id, gracePeriodHours: 1 } }, org.owner);
    if (rotated.rotateWebhookSecret.__typename !== "MutationRotateWebhookSecretSuccess")
      throw new Error("rotation failed");
    const { secret } = rotated.rotateWebhookSecret.data;
    expect(secret).toMatch(/^whsec_/);
    expect(secret).not.toBe(webhook.secret);
    expect(rotated.rotateWebhookSecret.data.subscription.previousSecretExpiresAt).not.toBeNull();

    await touch(server.url, org);
    const [during] = await endpoint.waitFor(1);
    const headers = during?.headers as Record<string, string>;
    expect(headers["webhook-signature"]?.split(" ")).toHaveLength(2);
    expect(() => new Webhook(webhook.secret).verify(during?.body ?? "", headers)).not.toThrow();
    expect(() => new Webhook(secret).verify(during?.body ?? "", headers)).not.toThrow();

    const again = await gqlData(server.url, Rotate, { input: { id: webhook.id, gracePeriodHours: 0 } }, org.owner);
    if (again.rotateWebhookSecret.__typename !== "MutationRotateWebhookSecretSuccess")
      throw new Error("rotation failed");
    await touch(server.url, org);
    const [, after] = await endpoint.waitFor(2);
    const afterHeaders = after?.headers as Record<string, string>;
    const newest = again.rotateWebhookSecret.data.secret;
    expect(() => new Webhook(newest).verify(after?.body ?? "", afterHeaders)).not.toThrow();
    expect(() => new Webhook(secret).verify(after?.body ?? "", afterHeaders)).toThrow(/signature/);
  });
});

describe("isolation", () => {
  it("a slow endpoint gets at most WEBHOOK_ENDPOINT_CONCURRENCY requests at once and holds up no other endpoint", async () => {
    const org = await server.createOrganization();
    const [slow, fast] = await Promise.all([receiver(() => "hold"), receiver()]);
    await createWebhook(server.url, org, slow.url);
    await createWebhook(server.url, org, fast.url);
    for (let i = 0; i < 4; i++) await touch(server.url, org, `Busy ${i}`);
    await fast.waitFor(4);
    expect(slow.maxInFlight).toBe(1);
  });

  it("an organization never receives another organization's events", async () => {
    const [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
    const [toA, toB] = await Promise.all([receiver(), receiver()]);
    await createWebhook(server.url, a, toA.url);
    await createWebhook(server.url, b, toB.url);
    await touch(server.url, b, "B's change");
    await toB.waitFor(1);
    await touch(server.url, a, "A's change");
    // One lane per endpoint here: a delivery of B's event to A would have come first.
    await toA.waitFor(1);
    expect(toA.requests.map((r) => messageOf(r).data.organizationId)).toEqual([a.id]);
    expect(toB.requests.map((r) => messageOf(r).data.organizationId)).toEqual([b.id]);
    const events = await gql(server.url, Events, { id: b.id }, a.owner);
    expect(events.data?.organization).toBeNull();
  });
});
