import { describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { useTestDatabase } from "../support/database.js";
import { actUntilReceived, gqlData, subscribe } from "../support/graphql.js";
import { useServerProcess } from "../support/process.js";

const Send = graphql(`
  mutation SendFromProcess($message: String!) {
    sendDiagnosticEvent(message: $message) { __typename }
  }
`);
const Events = graphql(`
  subscription EventsAcrossProcesses { diagnosticEvents { message publishedBy } }
`);
const Info = graphql(`
  query ProcessInfo { serverInfo { role pubsub } }
`);

const db = useTestDatabase();
const api = useServerProcess(db, { SERVER_ROLE: "api" });
const worker = useServerProcess(db, { SERVER_ROLE: "all" });

describe("two server processes sharing PostgreSQL and Redis", () => {
  it("run with the roles they were given", async () => {
    expect(await gqlData(api.url, Info)).toEqual({ serverInfo: { role: "api", pubsub: "redis" } });
    expect(await gqlData(worker.url, Info)).toEqual({ serverInfo: { role: "all", pubsub: "redis" } });
  });

  it("deliver an event published in one process to a subscriber connected to the other", async () => {
    const subscription = subscribe(api.url, Events);
    try {
      const event = await actUntilReceived(subscription, () =>
        gqlData(worker.url, Send, { message: "across processes" }),
      );
      expect(event.diagnosticEvents).toEqual({ message: "across processes", publishedBy: worker.pid });
      expect(worker.pid).not.toBe(api.pid);
    } finally {
      subscription.close();
    }
  });

  it("shut down gracefully on SIGTERM: an in-flight request is still answered, then exit code 0", async () => {
    // A request whose body is still arriving when SIGTERM lands.
    let sendRest: (value?: unknown) => void = () => {};
    const restSent = new Promise((resolve) => {
      sendRest = resolve;
    });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(encoder.encode('{"query":"{ serverInfo'));
        await restSent;
        controller.enqueue(encoder.encode(' { role } }"}'));
        controller.close();
      },
    });
    const inFlight = fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", connection: "close" },
      body,
      duplex: "half",
    } as RequestInit);
    await new Promise((r) => setTimeout(r, 200));
    const exited = api.stop("SIGTERM");
    await new Promise((r) => setTimeout(r, 200));
    sendRest();
    const response = await inFlight;
    expect(await response.json()).toEqual({ data: { serverInfo: { role: "api" } } });
    expect(await exited).toBe(0);
    expect(api.output.some((line) => line.includes('"msg":"stopped"'))).toBe(true);
  });
});
