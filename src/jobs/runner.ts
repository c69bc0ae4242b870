import { type Runner, run, type TaskList } from "graphile-worker";
import pg from "pg";
import type { Services } from "../services.js";
import { recoverOrphanedJobs } from "./orphaned-jobs.js";
import { tasks } from "./registry.js";
import { workerLogger } from "./worker-logger.js";

/** Builds graphile-worker's task list from the registry: payloads are checked, logs carry the job. */
export function taskList(services: Services): TaskList {
  return Object.fromEntries(
    tasks.map((task) => [
      task.identifier,
      async (raw, helpers) => {
        const log = services.log.child({ job: task.identifier, jobId: helpers.job.id });
        const parsed = task.payload.safeParse(raw);
        if (!parsed.success) {
          // Retrying cannot fix a payload that does not match its schema.
          log.error({ issues: parsed.error.issues }, "job payload is invalid; dropping the job");
          return;
        }
        await task.run(parsed.data, { services, log, jobId: helpers.job.id, attempts: helpers.job.attempts });
      },
    ]),
  );
}

/** Starts the job runner in this process (roles `all` and `worker`). */
export async function startWorker(services: Services, adminUrl: string): Promise<Runner> {
  const recovery = await recoverOrphanedJobs(services, adminUrl);
  // Our own pool rather than graphile-worker's: its error handler stays attached until the pool
  // has ended, so a connection the server drops (a restart, a dropped database) is logged instead
  // of surfacing as an unhandled error while the worker shuts down.
  const pgPool = new pg.Pool({
    connectionString: adminUrl,
    max: Math.max(10, services.config.worker.concurrency + 2),
  });
  pgPool.on("error", (error) => services.log.warn({ err: error }, "worker database connection lost"));
  const release = () => Promise.allSettled([recovery.stop(), pgPool.end()]);
  try {
    const runner = await run({
      pgPool,
      concurrency: services.config.worker.concurrency,
      taskList: taskList(services),
      logger: workerLogger(services.log),
      events: recovery.events,
      noHandleSignals: true,
      pollInterval: 1000,
    });
    void runner.promise.finally(release).catch(() => {});
    return runner;
  } catch (error) {
    await release();
    throw error;
  }
}
