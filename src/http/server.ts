import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { startHoldSweeper } from "../modules/scheduling/holds/hold-sweeper.js";
import type { Services } from "../services.js";
import { buildApp } from "./app.js";

export interface HttpServer {
  server: Server;
  port: number;
  /** Stops taking requests, lets in-flight ones finish (streams are cut), then closes. */
  shutdown(): Promise<void>;
}

const isStream = (req: IncomingMessage) => req.headers.accept?.includes("text/event-stream") ?? false;

export async function startHttpServer(services: Services): Promise<HttpServer> {
  let shuttingDown = false;
  const app = buildApp(services, { isShuttingDown: () => shuttingDown });
  const inFlight = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    if (!isStream(req)) {
      inFlight.add(res);
      res.on("close", () => inFlight.delete(res));
    }
    app(req, res);
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
