import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Container } from "../container.js";
import { startHoldSweeper } from "../modules/scheduling/index.js";
import { operationContext } from "../operation/context.js";
import { buildApp } from "./app.js";

export interface HttpServer {
  server: Server;
  port: number;
  /** Stops taking requests, lets in-flight ones finish (streams are cut), then closes. */
  shutdown(): Promise<void>;
}

const isStream = (req: IncomingMessage) => req.headers.accept?.includes("text/event-stream") ?? false;

/** The caller's `x-request-id` when it looks like one (as `requestIdOf` in `context.ts` keeps it). */
const requestIdPattern = /^[\w.:-]{1,128}$/;

/**
 * The request's id, decided once here: the caller's, or a new one written into the request's
 * headers, so the context (`requestIdOf`) and every log line of the request and every event it emits (the operation context) agree.
 */
function requestIdOf(req: IncomingMessage): string {
  const given = req.headers["x-request-id"];
  if (typeof given === "string" && requestIdPattern.test(given)) return given;
  const id = randomUUID();
  req.headers["x-request-id"] = id;
  return id;
}

export async function startHttpServer(services: Container): Promise<HttpServer> {
  let shuttingDown = false;
  const app = buildApp(services, { isShuttingDown: () => shuttingDown });
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (!isStream(req)) {
      inFlight.add(res);
      res.on("close", () => inFlight.delete(res));
    }
    operationContext.run({ requestId: requestIdOf(req) }, () => app(req, res));
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(services.config.port, services.config.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const holdSweeper = startHoldSweeper(services);

  return {
    server,
    port,
    async shutdown() {
      shuttingDown = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const deadline = Date.now() + services.config.shutdownTimeoutMs;
      while (inFlight.size > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
      // Subscriptions never end on their own; clients of graphql-sse reconnect to another instance.
      server.closeAllConnections();
      await closed;
      await holdSweeper.stop();
    },
  };
}
