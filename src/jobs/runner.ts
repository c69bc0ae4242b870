import { type Runner, run, type TaskList } from "graphile-worker";
import pg from "pg";
import type { Container } from "../container.js";
import { subscriberTasks } from "../events/index.js";
import { operationContext } from "../operation/context.js";
import { retryJobReleases } from "./job-release-retry.js";
import { recoverOrphanedJobs } from "./orphaned-jobs.js";
import { tasks } from "./registry.js";
import { workerLogger } from "./worker-logger.js";

/**
 * Builds graphile-worker's task list from the registry and the event subscribers registered in
 * this process: payloads are checked, logs carry the job, and each job runs in an operation
 * context naming it (the causation of the events it emits).
 */
export function taskList(services: Container): TaskList {
  const all = [...new Set([...tasks, ...subscriberTasks()])];
  const twice = all.map((task) => task.identifier).filter((identifier, i, ids) => ids.indexOf(identifier) !== i);
  if (twice.length) throw new Error(`Two tasks are named ${twice.join(", ")}`);
  return Object.fromEntries(
    all.map((task) => [
      task.identifier,
      async (raw, helpers) => {
        const log = services.log.child({ job: task.identifier, jobId: helpers.job.id });
        const parsed = task.payload.safeParse(raw);
        if (!parsed.success) {
          // Retrying cannot fix a payload that does not match its schema.
          log.error({ issues: parsed.error.issues }, "job payload is invalid; dropping the job");
          return;
        }
        const job = { id: helpers.job.id, task: task.identifier };
        await operationContext.run({ job }, () =>
          task.run(parsed.data, { services, log, jobId: helpers.job.id, attempts: helpers.job.attempts }),
        );
      },
    ]),
  );
}

/** The job runner of this process; it restarts itself if graphile-worker ever stops on its own. */
export interface Worker {
  stop(): Promise<void>;
}

/** How long a worker query waits for a connection before failing (graphile-worker then retries). */
const CONNECT_TIMEOUT_MS = 5_000;
const RESTART_MAX_DELAY_MS = 5_000;

/**
 * Starts the job runner in this process (roles `all` and `worker`). It survives PostgreSQL
 * restarts and outages: graphile-worker retries fetching jobs and re-LISTENs by itself, job
 * completions and failures are retried until the database is back (`job-release-retry.ts`), and
 * should the runner stop anyway it is started again with backoff.
 */
export async function startWorker(services: Container, adminUrl: string): Promise<Worker> {
  const { log } = services;
  retryJobReleases(log);
  const recovery = await recoverOrphanedJobs(services, adminUrl);
  // Our own pool rather than graphile-worker's: its error handlers stay attached until the pool
  // has ended, so a connection the server drops (a restart, a dropped database) is logged instead
  // of surfacing as an unhandled error while the worker shuts down. An idle client's error reaches
  // the pool's handler, a checked-out client's its own (the `connect` handler gives it one).
  const pgPool = new pg.Pool({
    connectionString: adminUrl,
    max: Math.max(10, services.config.worker.concurrency + 2),
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
  });
  pgPool.on("error", (error) => log.warn({ err: error }, "worker database connection lost"));
  pgPool.on("connect", (client) => {
    client.on("error", (error) => log.warn({ err: error }, "worker database connection lost while in use"));
  });
  const launch = () =>
    run({
      pgPool,
      concurrency: services.config.worker.concurrency,
      taskList: taskList(services),
      logger: workerLogger(log),
      events: recovery.events,
      noHandleSignals: true,
      pollInterval: 1000,
    });

  let stopping = false;
  let current: Runner;
  const supervise = (runner: Runner) => {
    runner.promise.then(
      () => restart(undefined),
      (error: unknown) => restart(error),
    );
  };
  const restart = async (error: unknown) => {
    if (stopping) return;
    log.error({ err: error }, "job runner stopped unexpectedly; restarting it");
    for (let attempt = 1; !stopping; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, Math.min(RESTART_MAX_DELAY_MS, 250 * 2 ** attempt)));
      if (stopping) return;
      try {
        current = await launch();
        supervise(current);
        log.info({ attempt }, "job runner restarted");
        return;
      } catch (launchError) {
        log.warn({ err: launchError, attempt }, "could not restart the job runner yet");
      }
    }
  };
  const release = () => Promise.allSettled([recovery.stop(), pgPool.end()]);
  try {
    current = await launch();
  } catch (error) {
    await release();
    throw error;
  }
  supervise(current);
  return {
    async stop() {
      stopping = true;
      await current.stop().catch((error: unknown) => log.warn({ err: error }, "job runner stopped with an error"));
      await release();
    },
  };
}
