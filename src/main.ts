import { ConfigError, parseConfig } from "./config/config.js";
import { createContainer } from "./container.js";
import { resolveDatabase } from "./db/database.js";
import { migrateDatabase } from "./db/migrations.js";
import { unavailableDependency } from "./dependencies.js";
import { type HttpServer, startHttpServer } from "./http/server.js";
import { startWorker, type Worker } from "./jobs/runner.js";
import { createLogger, type Logger } from "./logger.js";

/** Start-up: config -> database (embedded when no DATABASE_URL) -> migrations -> worker -> HTTP. */
async function main() {
  const config = parseConfig();
  const log = createLogger(config.logLevel);
  handleStrayErrors(log, config.role);
  const startedAt = performance.now();
  const database = await resolveDatabase(config, log);
  if (config.database.migrateOnStart) await migrateDatabase(database.adminUrl, log);
  const services = createContainer(config, log, database);

  const worker: Worker | undefined = config.runsWorker ? await startWorker(services, database.adminUrl) : undefined;
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

/**
 * Last resort for a rejection or error nothing handled (a dependency's callback, a promise some
 * library forgot): logged with its context, and the process keeps serving. Every known source is
 * handled where it arises; this line in the log means one was missed. A `worker`-only process
 * exits instead (crash-only, for its supervisor to restart: orphaned-jobs recovery re-runs its jobs).
 */
function handleStrayErrors(log: Logger, role: string) {
  const fatal = role === "worker";
  process.on("unhandledRejection", (reason, promise) => {
    log.error({ err: reason, promise: String(promise), fatal }, "unhandled promise rejection");
    if (fatal) process.exit(1);
  });
  // A thrown exception may leave any state half-changed, so only a dependency's (an 'error' event
  // of a connection without a listener) is survived; anything else ends the process as Node would.
  process.on("uncaughtException", (error, origin) => {
    const survivable = !fatal && unavailableDependency(error) !== undefined;
    log.error({ err: error, origin, fatal: !survivable }, "uncaught exception");
    if (!survivable) process.exit(1);
  });
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  process.exit(1);
});
