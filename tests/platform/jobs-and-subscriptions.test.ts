import { describe, expect, it } from "vitest";
import { enqueue } from "../../src/jobs/enqueue.js";
import { publishDiagnosticEvent } from "../../src/modules/system/publish-diagnostic-event.task.js";
import { graphql } from "../generated/gql.js";
import { actUntilReceived, gql, gqlData, subscribe } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";

const Send = graphql(`
  mutation Send($message: String!) {
    sendDiagnosticEvent(message: $message) {
      __typename
      ... on MutationSendDiagnosticEventSuccess { data { id message } }
      ... on ValidationError { code fields { path message } }
    }
  }
`);
const Events = graphql(`
  subscription Events { diagnosticEvents { id message publishedBy } }
`);

const server = useTestServer({ worker: true });

const queuedJobs = async (id: string) =>
  server.services.adminDb.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id
    WHERE t.identifier = 'publish_diagnostic_event' AND j.payload->>'id' = ${id}`;

describe("jobs enqueued in the caller's transaction", () => {
  it("exist once the transaction commits, and never when it rolls back", async () => {
    const committed = "00000000-0000-4000-8000-000000000001";
    const rolledBack = "00000000-0000-4000-8000-000000000002";
    // As the API role, which may only enqueue through tenancy.enqueue_job.
    const { appDb } = server.services;
    await appDb.$transaction((tx) =>
      enqueue(tx, publishDiagnosticEvent, { id: committed }, { runAt: new Date(Date.now() + 3_600_000) }),
    );
    await expect(
      appDb.$transaction(async (tx) => {
        await enqueue(tx, publishDiagnosticEvent, { id: rolledBack });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect((await queuedJobs(committed))[0]?.n).toBe(1n);
    expect((await queuedJobs(rolledBack))[0]?.n).toBe(0n);
  });

  it("refuses a payload that does not match the task's schema before writing anything", async () => {
    await expect(
      server.services.appDb.$transaction((tx) => enqueue(tx, publishDiagnosticEvent, { id: "not-a-uuid" })),
    ).rejects.toThrow();
  });
});

describe("diagnostic events: mutation -> job -> pub/sub -> SSE", () => {
  it("delivers a sent event to an SSE subscriber once the worker has published it", async () => {
    const subscription = subscribe(server.url, Events);
    try {
      const event = await actUntilReceived(subscription, async () => {
        const sent = await gqlData(server.url, Send, { message: "hello over SSE" });
        expect(sent.sendDiagnosticEvent.__typename).toBe("MutationSendDiagnosticEventSuccess");
      });
      expect(event.diagnosticEvents).toMatchObject({ message: "hello over SSE", publishedBy: process.pid });
    } finally {
      subscription.close();
    }
  });

  it("returns a typed ValidationError for an empty message and records nothing", async () => {
    const before = await server.services.adminDb.diagnosticEvent.count();
    const result = await gql(server.url, Send, { message: "" });
    expect(result.data?.sendDiagnosticEvent).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      fields: [{ path: ["message"], message: expect.any(String) }],
    });
    expect(await server.services.adminDb.diagnosticEvent.count()).toBe(before);
  });
});
