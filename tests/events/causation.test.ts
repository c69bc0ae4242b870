import { describe, expect, it } from "vitest";
import { emitEvent, handlingEvent, subscribeToEvents } from "../../src/events/index.js";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { useWebhookReceiver } from "../support/webhook-receiver.js";
import { createWebhook, eventually, touch } from "../webhooks/fixtures.js";

const Causation = graphql(`
  query EventsCausation($id: ID!) { webhookEvent(id: $id) { requestId causeEventId depth } }
`);

// Answers each renaming with an event of its own, as an automation would: one step deeper.
subscribeToEvents({
  name: "test_echo",
  task: "test_echo_events",
  eventTypes: ["organization.updated"],
  async handle(tx, events) {
    for (const event of events) {
      await handlingEvent(event, () =>
        emitEvent(tx, event.organizationId, "patient.created", { patientId: `echo-${event.id}`, status: "invited" }),
      );
    }
  },
});

const server = useTestServer({ worker: true, env: { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" } });
const gone = useWebhookReceiver(() => ({ status: 410 }));

const eventsOf = (org: TestOrganization, type: string) =>
  server.services.adminDb.domainEvent.findMany({
    where: { organizationId: uuidOf(org.id), type },
    orderBy: { createdAt: "asc" },
  });

describe("causation of events", () => {
  it("an event a request emits names the request, at depth 0, through GraphQL and /v1", async () => {
    const org = await server.createOrganization();
    await touch(server.url, org, "Renamed", { "x-request-id": "causation-graphql" });
    const patched = await v1(
      server.url,
      "PATCH",
      `/v1/organizations/${org.id}`,
      {
        ...org.owner,
        "x-request-id": "causation-v1",
      },
      { name: "Renamed again" },
    );
    expect(patched.status).toBe(200);

    const events = await eventsOf(org, "organization.updated");
    expect(
      events.map(({ requestId, jobId, jobTask, causeEventId, depth }) => ({
        requestId,
        jobId,
        jobTask,
        causeEventId,
        depth,
      })),
    ).toEqual([
      { requestId: "causation-graphql", jobId: null, jobTask: null, causeEventId: null, depth: 0 },
      { requestId: "causation-v1", jobId: null, jobTask: null, causeEventId: null, depth: 0 },
    ]);
    const [first] = events;
    const { webhookEvent } = await gqlData(
      server.url,
      Causation,
      { id: globalId("WebhookEvent", first?.id ?? "") },
      org.owner,
    );
    expect(webhookEvent).toEqual({ requestId: "causation-graphql", causeEventId: null, depth: 0 });
  });

  it("an event a job emits while handling another names the job and that event, one step deeper", async () => {
    const org = await server.createOrganization();
    await touch(server.url, org, "Echoed", { "x-request-id": "causation-echo" });
    const [cause] = await eventsOf(org, "organization.updated");
    const [echo] = await eventually(async () => {
      const found = await eventsOf(org, "patient.created");
      expect(found).toHaveLength(1);
      return found;
    });
    expect(echo).toMatchObject({
      data: { patientId: `echo-${cause?.id}` },
      requestId: null,
      jobTask: "test_echo_events",
      causeEventId: cause?.id,
      depth: 1,
    });
    expect(typeof echo?.jobId).toBe("bigint");
    const { webhookEvent } = await gqlData(
      server.url,
      Causation,
      { id: globalId("WebhookEvent", echo?.id ?? "") },
      org.owner,
    );
    expect(webhookEvent).toEqual({
      requestId: null,
      causeEventId: globalId("WebhookEvent", cause?.id ?? ""),
      depth: 1,
    });
  });

  it("an endpoint disabled by a failed delivery is caused by the event it failed to receive", async () => {
    const org = await server.createOrganization();
    await createWebhook(server.url, org, gone.url, ["organization.updated"]);
    await touch(server.url, org, "Gone");
    const [cause] = await eventsOf(org, "organization.updated");
    const [disabled] = await eventually(async () => {
      const found = await eventsOf(org, "webhook.endpoint_disabled");
      expect(found).toHaveLength(1);
      return found;
    });
    expect(disabled).toMatchObject({
      data: { reason: "gone" },
      requestId: null,
      jobTask: "deliver_webhooks",
      causeEventId: cause?.id,
      depth: (cause?.depth ?? 0) + 1,
    });
  });
});
