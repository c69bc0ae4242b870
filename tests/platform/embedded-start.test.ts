import { chmod, mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { actUntilReceived, gqlData, subscribe } from "../support/graphql.js";
import { type ServerProcess, startServerProcess } from "../support/process.js";

const Info = graphql(`
  query EmbeddedInfo { ping serverInfo { role pubsub } }
`);
const Send = graphql(`
  mutation EmbeddedSend($message: String!) { sendDiagnosticEvent(message: $message) { __typename } }
`);
const Events = graphql(`
  subscription EmbeddedEvents { diagnosticEvents { message } }
`);

const freePort = () =>
  new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });

let dataDir: string;
let server: ServerProcess;

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "cg-embedded-"));
  await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the "postgres" user, which must enter it
  // Nothing but where to keep data and which ports to use: no DATABASE_URL, no REDIS_URL.
  server = await startServerProcess(
    {
      PORT: String(await freePort()),
      EMBEDDED_PG_DIR: path.join(dataDir, "pg"),
      EMBEDDED_PG_PORT: String(await freePort()),
    },
    60_000,
  );
}, 90_000);
afterAll(async () => {
  await server?.stop("SIGTERM");
  await rm(dataDir, { recursive: true, force: true });
});

describe("npm start with no environment", () => {
  it("starts an embedded PostgreSQL, migrates it, and serves /healthz and GraphQL", async () => {
    expect(server.output.some((l) => l.includes("embedded PostgreSQL started"))).toBe(true);
    expect(server.output.some((l) => l.includes("applied database migrations"))).toBe(true);
    expect(server.output.filter((l) => l.includes("pub/sub runs in process"))).toHaveLength(1);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect(await gqlData(server.url, Info)).toEqual({
      ping: "pong",
      serverInfo: { role: "all", pubsub: "in-process" },
    });
  });

  it("serves an SSE subscription fed by its in-process worker", async () => {
    const subscription = subscribe(server.url, Events);
    try {
      const event = await actUntilReceived(subscription, () => gqlData(server.url, Send, { message: "embedded" }));
      expect(event).toEqual({ diagnosticEvents: { message: "embedded" } });
    } finally {
      subscription.close();
    }
  });
});
