import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { asUser, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { describeCrossTenant, empty, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { InviteMember, RemoveMember, RevokeApiKey, UpdateMemberRole } from "../support/organization-documents.js";
import { useTestServer } from "../support/server.js";
import { useWebhookReceiver } from "../support/webhook-receiver.js";
import { createWebhook, deliveriesOf, eventually, madeDeliveriesOf, touch } from "./fixtures.js";

const Create = graphql(`
  mutation WebhooksApiCreate($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      __typename
      ... on MutationCreateWebhookSubscriptionSuccess {
        data { secret subscription { id url description eventTypes enabled consecutiveFailures } }
      }
      ... on Error { code }
      ... on ValidationError { fields { path message } }
    }
  }
`);
const Get = graphql(`
  query WebhooksApiGet($id: ID!) {
    webhookSubscription(id: $id) { id url description eventTypes enabled disabledReason disabledAt previousSecretExpiresAt }
  }
`);
const List = graphql(`
  query WebhooksApiList($id: ID!) {
    organization(id: $id) { webhookSubscriptions(first: 10) { edges { node { id url } } } }
  }
`);
const Update = graphql(`
  mutation WebhooksApiUpdate($id: ID!, $input: UpdateWebhookSubscriptionInput!) {
    updateWebhookSubscription(id: $id, input: $input) {
      __typename
      ... on MutationUpdateWebhookSubscriptionSuccess { data { url description eventTypes enabled disabledReason } }
      ... on Error { code }
      ... on ValidationError { fields { path message } }
    }
  }
`);
const Delete = graphql(`
  mutation WebhooksApiDelete($id: ID!) {
    deleteWebhookSubscription(id: $id) { __typename ... on Error { code } }
  }
`);
const Rotate = graphql(`
  mutation WebhooksApiRotate($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) {
      __typename
      ... on MutationRotateWebhookSecretSuccess { data { secret subscription { previousSecretExpiresAt } } }
      ... on Error { code }
      ... on ValidationError { fields { path message } }
    }
  }
`);
const Ping = graphql(`
  mutation WebhooksApiPing($id: ID!) {
    pingWebhook(id: $id) { __typename ... on Error { code } }
  }
`);
const ReplayOne = graphql(`
  mutation WebhooksApiReplayOne($input: ReplayWebhookEventInput!) {
    replayWebhookEvent(input: $input) { __typename ... on Error { code } }
  }
`);
const ReplaySince = graphql(`
  mutation WebhooksApiReplaySince($input: ReplayWebhookEventsInput!) {
    replayWebhookEvents(input: $input) {
      __typename
      ... on Error { code }
      ... on ValidationError { fields { path message } }
    }
  }
`);
const Event = graphql(`
  query WebhooksApiEvent($id: ID!) { webhookEvent(id: $id) { id type } }
`);
const OrganizationEvents = graphql(`
  query WebhooksApiOrganizationEvents($id: ID!, $type: String) {
    organization(id: $id) { webhookEvents(first: 20, type: $type) { edges { node { id webhookId type version data } } } }
  }
`);
const EventTypes = graphql(`
  query WebhooksApiEventTypes { webhookEventTypes { name version subscribable payloadSchema } }
`);
const Node = graphql(`
  query WebhooksApiNode($id: ID!) { node(id: $id) { id } }
`);
const DeliveriesWithEvents = graphql(`
  query WebhooksApiDeliveriesWithEvents($id: ID!) {
    webhookSubscription(id: $id) {
      deliveries(first: 50) { edges { node { status subscription { url } event { type deliveries(first: 5) { edges { node { attempt } } } } } } }
    }
  }
`);
const Me = graphql(`
  query WebhooksApiMe { me { memberships(first: 5) { edges { node { id organization { id } } } } } }
`);
const server = useTestServer({
  worker: true,
  env: { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1", WEBHOOK_RETRY_SCHEDULE: "100ms" },
  container: { onQuery: () => statements++ },
});
const endpoint = useWebhookReceiver();
let statements = 0;

async function v1(method: string, path: string, headers: Headers, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { "content-type": "application/json", ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: JSON of the route under test
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
}

async function eventsOf(org: TestOrganization, type: string) {
  const result = await gqlData(server.url, OrganizationEvents, { id: org.id, type }, org.owner);
  return result.organization?.webhookEvents.edges.map((e) => e.node) ?? [];
}

describe("webhook subscriptions", () => {
  it("are created with a whsec_ secret shown once, then listed, read, updated and deleted", async () => {
    const org = await server.createOrganization();
    const created = await gqlData(
      server.url,
      Create,
      {
        input: {
          organizationId: org.id,
          url: endpoint.url,
          eventTypes: ["appointment.booked", "patient.onboarded"],
          description: "  CRM  ",
        },
      },
      org.owner,
    );
    if (created.createWebhookSubscription.__typename !== "MutationCreateWebhookSubscriptionSuccess") {
      throw new Error(JSON.stringify(created));
    }
    const { secret, subscription } = created.createWebhookSubscription.data;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(subscription).toMatchObject({
      url: endpoint.url,
      description: "CRM",
      eventTypes: ["appointment.booked", "patient.onboarded"],
      enabled: true,
      consecutiveFailures: 0,
    });
    const stored = await server.services.adminDb.webhookSubscription.findUniqueOrThrow({
      where: { id: uuidOf(subscription.id) },
    });
    expect(stored.secretsEncrypted).not.toContain(secret.slice(6, 20));

    const listed = await gqlData(server.url, List, { id: org.id }, org.owner);
    expect(listed.organization?.webhookSubscriptions.edges.map((e) => e.node.id)).toEqual([subscription.id]);

    const updated = await gqlData(
      server.url,
      Update,
      { id: subscription.id, input: { eventTypes: [], description: "", enabled: false } },
      org.owner,
    );
    expect(updated.updateWebhookSubscription).toEqual({
      __typename: "MutationUpdateWebhookSubscriptionSuccess",
      data: { url: endpoint.url, description: null, eventTypes: [], enabled: false, disabledReason: "manual" },
    });

    const rotated = await gqlData(server.url, Rotate, { input: { id: subscription.id } }, org.owner);
    if (rotated.rotateWebhookSecret.__typename !== "MutationRotateWebhookSecretSuccess") throw new Error("rotate");
    expect(rotated.rotateWebhookSecret.data.secret).not.toBe(secret);
    const graceMs =
      Date.parse(String(rotated.rotateWebhookSecret.data.subscription.previousSecretExpiresAt)) - Date.now();
    expect(graceMs).toBeGreaterThan(23 * 3_600_000);
    expect(graceMs).toBeLessThanOrEqual(24 * 3_600_000);

    const deleted = await gqlData(server.url, Delete, { id: subscription.id }, org.owner);
    expect(deleted.deleteWebhookSubscription.__typename).toBe("MutationDeleteWebhookSubscriptionSuccess");
    expect((await gqlData(server.url, Get, { id: subscription.id }, org.owner)).webhookSubscription).toBeNull();
  });

  it("deleting one removes its delivery log with it", async () => {
    const org = await server.createOrganization();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    await gqlData(server.url, Ping, { id: webhook.id }, org.owner);
    await madeDeliveriesOf(server.url, org.owner, webhook.id, 1);
    await gqlData(server.url, Delete, { id: webhook.id }, org.owner);
    expect(await server.services.adminDb.webhookDelivery.count({ where: { subscriptionId: uuidOf(webhook.id) } })).toBe(
      0,
    );
  });

  it.each([
    ["not a URL", "not a url", "must be an http:// or https:// URL"],
    ["another scheme", "ftp://example.com/hook", "must be an http:// or https:// URL"],
    ["credentials in the URL", "http://user:secret@127.0.0.1/hook", "must not contain credentials"],
    ["a private address", "http://10.1.2.3/hook", "must be a public endpoint: 10.1.2.3 is a private"],
    ["the metadata address", "http://169.254.169.254/latest/meta-data", "must be a public endpoint: 169.254.169.254"],
    ["IPv6 loopback", "http://[::1]:8080/hook", "must be a public endpoint: ::1"],
  ])("refuses %s with a ValidationError on input.url and creates nothing", async (_case, url, message) => {
    const org = await server.createOrganization();
    const result = await gqlData(server.url, Create, { input: { organizationId: org.id, url } }, org.owner);
    expect(result.createWebhookSubscription).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      fields: [{ path: ["input", "url"], message: expect.stringContaining(message) }],
    });
    const listed = await gqlData(server.url, List, { id: org.id }, org.owner);
    expect(listed.organization?.webhookSubscriptions.edges).toEqual([]);
  });

  it.each([
    [
      "an unknown event type",
      { eventTypes: ["appointment.booked", "appointment.eaten"] },
      ["input", "eventTypes", "1"],
    ],
    ["the ping, which is not subscribable", { eventTypes: ["webhook.ping"] }, ["input", "eventTypes", "0"]],
    ["a repeated event type", { eventTypes: ["patient.created", "patient.created"] }, ["input", "eventTypes"]],
    ["a description over 500 characters", { description: "x".repeat(501) }, ["input", "description"]],
  ])("refuses %s", async (_case, input, path) => {
    const org = await server.createOrganization();
    const result = await gqlData(
      server.url,
      Create,
      { input: { organizationId: org.id, url: endpoint.url, ...input } },
      org.owner,
    );
    expect(result.createWebhookSubscription).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path, message: expect.any(String) }],
    });
  });

  it("refuses bad input to update, rotate and replay, changing nothing", async () => {
    const org = await server.createOrganization();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    const before = await gqlData(server.url, Get, { id: webhook.id }, org.owner);
    const update = await gqlData(
      server.url,
      Update,
      { id: webhook.id, input: { url: "http://192.168.1.10/hook" } },
      org.owner,
    );
    expect(update.updateWebhookSubscription).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "url"] }],
    });
    const rotate = await gqlData(server.url, Rotate, { input: { id: webhook.id, gracePeriodHours: 169 } }, org.owner);
    expect(rotate.rotateWebhookSecret).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "gracePeriodHours"] }],
    });
    const replay = await gqlData(
      server.url,
      ReplaySince,
      { input: { subscriptionId: webhook.id, since: new Date(Date.now() + 60_000).toISOString() } },
      org.owner,
    );
    expect(replay.replayWebhookEvents).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "since"] }],
    });
    expect(await gqlData(server.url, Get, { id: webhook.id }, org.owner)).toEqual(before);
  });

  it("are managed by owners and admins only", async () => {
    const org = await server.createOrganization();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    const staff = await server.createApiKey(org, "staff");
    const admin = await server.createApiKey(org, "admin");
    const asStaff = await gql(
      server.url,
      Create,
      { input: { organizationId: org.id, url: endpoint.url } },
      { "x-api-key": staff.key },
    );
    expect(asStaff.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const read = await gql(server.url, Node, { id: webhook.id }, { "x-api-key": staff.key });
    expect(read.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const asAdmin = await gqlData(server.url, Get, { id: webhook.id }, { "x-api-key": admin.key });
    expect(asAdmin.webhookSubscription?.url).toBe(endpoint.url);
  });
});

describe("another organization's webhooks", () => {
  let a: TestOrganization;
  let b: TestOrganization;
  let aHook: { id: string };
  let bHook: { id: string };
  let bEventId: string;
  const bHookAsB = () => gqlData(server.url, Get, { id: bHook.id }, b.owner);
  let bBefore: Awaited<ReturnType<typeof bHookAsB>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
    aHook = await createWebhook(server.url, a, endpoint.url);
    bHook = await createWebhook(server.url, b, endpoint.url);
    await touch(server.url, b);
    const [bEvent] = await eventsOf(b, "organization.updated");
    bEventId = bEvent?.id ?? "";
    bBefore = await bHookAsB();
    await madeDeliveriesOf(server.url, b.owner, bHook.id, 1);
  });

  describeCrossTenant("are not found: A can neither see nor change B's subscriptions, events or deliveries", {
    server,
    as: () => a.owner,
    unchanged: async () => {
      expect(await bHookAsB()).toEqual(bBefore);
      expect((await deliveriesOf(server.url, b.owner, bHook.id)).deliveries).toHaveLength(1);
      expect((await deliveriesOf(server.url, a.owner, aHook.id)).deliveries).toEqual([]);
    },
    operations: [
      operation(Create, () => ({ input: { organizationId: b.id, url: endpoint.url } }), notFound()),
      operation(Get, () => ({ id: bHook.id }), empty),
      operation(List, () => ({ id: b.id }), empty),
      operation(Event, () => ({ id: bEventId }), empty),
      operation(Node, () => ({ id: bHook.id }), empty),
      operation(DeliveriesWithEvents, () => ({ id: bHook.id }), empty),
      operation(Update, () => ({ id: bHook.id, input: { enabled: false } }), notFound()),
      operation(Rotate, () => ({ input: { id: bHook.id } }), notFound()),
      operation(Ping, () => ({ id: bHook.id }), notFound()),
      operation(Delete, () => ({ id: bHook.id }), notFound()),
      operation(
        ReplayOne,
        () => ({ input: { subscriptionId: bHook.id, eventId: bEventId } }),
        notFound(),
        "B's event to B's endpoint",
      ),
      operation(
        ReplayOne,
        () => ({ input: { subscriptionId: aHook.id, eventId: bEventId } }),
        notFound(),
        "B's event into A's endpoint",
      ),
      operation(
        ReplaySince,
        () => ({ input: { subscriptionId: bHook.id, since: new Date(Date.now() - 3_600_000).toISOString() } }),
        notFound(),
      ),
    ],
  });
});

describe("the event catalog", () => {
  it("lists every event type with its version and payload JSON Schema", async () => {
    const org = await server.createOrganization();
    const { webhookEventTypes } = await gqlData(server.url, EventTypes, {}, org.owner);
    expect(webhookEventTypes.map((t) => t.name)).toEqual(
      expect.arrayContaining([
        "organization.updated",
        "member.added",
        "member.removed",
        "api_key.created",
        "api_key.revoked",
        "patient.created",
        "patient.onboarded",
        "appointment.booked",
        "appointment.first_booked",
        "appointment.cancelled",
        "appointment.rescheduled",
        "appointment.done",
        "appointment.no_show",
        "webhook.endpoint_disabled",
        "webhook.ping",
      ]),
    );
    const booked = webhookEventTypes.find((t) => t.name === "appointment.booked");
    expect(booked).toMatchObject({ version: 1, subscribable: true, payloadSchema: { type: "object" } });
    expect((booked?.payloadSchema as { required?: string[] } | undefined)?.required).toEqual(
      expect.arrayContaining(["appointmentId", "patientId", "startsAt"]),
    );
    expect(webhookEventTypes.find((t) => t.name === "webhook.ping")?.subscribable).toBe(false);
  });

  it("is refused to anonymous callers", async () => {
    const result = await gql(server.url, EventTypes);
    expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("events of existing mutations", () => {
  it("records api_key.created and api_key.revoked, with the key's global id and never the key", async () => {
    const org = await server.createOrganization();
    const key = await server.createApiKey(org, "staff");
    await gqlData(server.url, RevokeApiKey, { id: key.id }, org.owner);
    const [created] = await eventsOf(org, "api_key.created");
    expect(created).toMatchObject({ version: 1, data: { apiKeyId: key.id, role: "staff", expiresAt: null } });
    expect(JSON.stringify(created)).not.toContain(key.key);
    const [revoked] = await eventsOf(org, "api_key.revoked");
    expect(revoked?.data).toMatchObject({ apiKeyId: key.id, revokedAt: expect.any(String) });
  });

  it("records member.added when an invitation is accepted, then member.role_changed and member.removed", async () => {
    const org = await server.createOrganization();
    const sub = unique("user_invited");
    const email = `${sub}@example.com`;
    await gqlData(server.url, InviteMember, { input: { organizationId: org.id, email, role: "staff" } }, org.owner);
    const me = await gqlData(server.url, Me, {}, asUser(sub, { email }));
    const membershipId = me.me.memberships.edges[0]?.node.id ?? "";
    await gqlData(server.url, UpdateMemberRole, { membershipId, role: "specialist" }, org.owner);
    await gqlData(server.url, RemoveMember, { membershipId }, org.owner);

    const [added] = await eventsOf(org, "member.added");
    expect(added?.data).toMatchObject({ membershipId, role: "staff", userId: expect.any(String) });
    const [changed] = await eventsOf(org, "member.role_changed");
    expect(changed?.data).toMatchObject({ membershipId, previousRole: "staff", role: "specialist" });
    const [removed] = await eventsOf(org, "member.removed");
    expect(removed?.data).toMatchObject({ membershipId, role: "specialist" });
  });
});

describe("lists without N+1", () => {
  it("reads a subscription's deliveries with their events in the same number of statements for 2 rows or 12", async () => {
    const org = await server.createOrganization();
    const webhook = await createWebhook(server.url, org, endpoint.url);
    const { adminDb } = server.services;
    const addDeliveries = async (n: number) => {
      for (let i = 0; i < n; i++) {
        const event = await adminDb.domainEvent.create({
          data: { organizationId: uuidOf(org.id), type: "webhook.ping", version: 1, data: {} },
        });
        await adminDb.webhookDelivery.create({
          data: {
            organizationId: uuidOf(org.id),
            subscriptionId: uuidOf(webhook.id),
            eventId: event.id,
            trigger: "ping",
            attempt: 1,
            status: "succeeded",
            attemptedAt: new Date(),
            statusCode: 200,
            durationMs: 1,
          },
        });
      }
    };
    const count = async () => {
      const before = statements;
      const result = await gqlData(server.url, DeliveriesWithEvents, { id: webhook.id }, org.owner);
      return { statements: statements - before, rows: result.webhookSubscription?.deliveries.edges.length };
    };
    await addDeliveries(2);
    const few = await count();
    await addDeliveries(10);
    const many = await count();
    expect([few.rows, many.rows]).toEqual([2, 12]);
    expect(many.statements).toBe(few.statements);
  });
});

describe("/v1 webhook paths", () => {
  it("create, list, get, update, rotate, ping, deliveries, replay, events and delete", async () => {
    const org = await server.createOrganization();
    const base = `/v1/organizations/${org.id}`;
    const created = await v1("POST", `${base}/webhooks`, org.owner, {
      url: endpoint.url,
      eventTypes: ["organization.updated"],
    });
    expect(created.status).toBe(201);
    expect(created.body.secret).toMatch(/^whsec_/);
    const id = created.body.subscription.id as string;
    const hook = `${base}/webhooks/${id}`;

    expect((await v1("GET", `${base}/webhooks`, org.owner)).body.data.map((s: { id: string }) => s.id)).toEqual([id]);
    expect((await v1("GET", hook, org.owner)).body).toMatchObject({ id, url: endpoint.url, enabled: true });
    expect((await v1("PATCH", hook, org.owner, { description: "ERP" })).body.description).toBe("ERP");
    const rotated = await v1("POST", `${hook}/rotate-secret`, org.owner, { gracePeriodHours: 0 });
    expect(rotated).toMatchObject({ status: 200, body: { secret: expect.stringMatching(/^whsec_/) } });
    expect(rotated.body.subscription.previousSecretExpiresAt).toBeNull();

    const ping = await v1("POST", `${hook}/ping`, org.owner);
    expect(ping).toMatchObject({ status: 202, body: { type: "webhook.ping", webhookId: expect.any(String) } });
    const deliveries = await eventually(async () => {
      const page = await v1("GET", `${hook}/deliveries?first=5&eventId=${ping.body.id}`, org.owner);
      expect(page.body.data.map((d: { status: string }) => d.status)).toEqual(["succeeded"]);
      return page;
    });
    expect(deliveries.body.data[0]).toMatchObject({
      trigger: "ping",
      status: "succeeded",
      event: { id: ping.body.id },
    });

    const events = await v1("GET", `${base}/webhook-events?type=webhook.ping`, org.owner);
    expect(events.body.data.map((e: { id: string }) => e.id)).toEqual([ping.body.id]);
    expect((await v1("GET", `${base}/webhook-events/${ping.body.id}`, org.owner)).body.type).toBe("webhook.ping");
    const replayOne = await v1("POST", `${hook}/events/${ping.body.id}/replay`, org.owner);
    expect(replayOne).toMatchObject({ status: 202, body: { id: ping.body.id } });
    const since = new Date(Date.now() - 60_000).toISOString();
    expect(await v1("POST", `${hook}/replay`, org.owner, { since })).toEqual({ status: 202, body: { events: 0 } });

    expect((await v1("GET", "/v1/webhook-event-types", org.owner)).body.data.length).toBeGreaterThan(10);
    expect((await v1("DELETE", hook, org.owner)).status).toBe(204);
    expect((await v1("GET", hook, org.owner)).status).toBe(404);
  });

  it("answer 422 with the field for bad input, and 404 for another organization's ids", async () => {
    const [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
    const bHook = await createWebhook(server.url, b, endpoint.url);
    const bad = await v1("POST", `/v1/organizations/${a.id}/webhooks`, a.owner, { url: "http://10.0.0.1/" });
    expect(bad.status).toBe(422);
    expect(bad.body.error).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: ["input", "url"] }] });
    expect((await v1("POST", `/v1/organizations/${b.id}/webhooks`, a.owner, { url: endpoint.url })).status).toBe(404);
    for (const [method, path] of [
      ["GET", `/v1/organizations/${a.id}/webhooks/${bHook.id}`],
      ["PATCH", `/v1/organizations/${a.id}/webhooks/${bHook.id}`],
      ["DELETE", `/v1/organizations/${a.id}/webhooks/${bHook.id}`],
      ["GET", `/v1/organizations/${a.id}/webhooks/${bHook.id}/deliveries`],
      ["POST", `/v1/organizations/${a.id}/webhooks/${bHook.id}/ping`],
      ["POST", `/v1/organizations/${a.id}/webhooks/${bHook.id}/rotate-secret`],
      ["GET", `/v1/organizations/${b.id}/webhooks`],
    ] as const) {
      expect({
        method,
        path,
        status: (await v1(method, path, a.owner, method === "GET" ? undefined : {})).status,
      }).toEqual({
        method,
        path,
        status: 404,
      });
    }
    expect((await v1("GET", `/v1/organizations/${b.id}/webhooks/${bHook.id}`, b.owner)).status).toBe(200);
  });
});
