import type { Runner } from "graphile-worker";
import { ConfigError, parseConfig } from "./config.js";
import { resolveDatabase } from "./db/database.js";
import { migrateDatabase } from "./db/migrations.js";
import { type HttpServer, startHttpServer } from "./http/server.js";
import { startWorker } from "./jobs/runner.js";
import { createLogger } from "./logger.js";
import { createServices } from "./services.js";

/** Start-up: config -> database (embedded when no DATABASE_URL) -> migrations -> worker -> HTTP. */
async function main() {
  const config = parseConfig();
  const log = createLogger(config.logLevel);
  const startedAt = performance.now();
  const database = await resolveDatabase(config, log);
  if (config.database.migrateOnStart) await migrateDatabase(database.adminUrl, log);
  const services = createServices(config, log, database);

  const worker: Runner | undefined = config.runsWorker ? await startWorker(services, database.adminUrl) : undefined;
  const http: HttpServer | undefined = config.runsApi ? await startHttpServer(services) : undefined;
  log.info(
    {
      role: config.role,
      port: http?.port,
      pubsub: services.pubsubKind,
      startupMs: Math.round(performance.now() - startedAt),
    },
    http ? `ClinicGraph listening on http://localhost:${http.port}/graphql` : "ClinicGraph worker started",
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "shutting down");
    await http?.shutdown();
    await worker?.stop();
    await services.close();
    await database.stop();
    log.info("stopped");
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
