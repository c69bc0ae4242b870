import { EventEmitter } from "node:events";
import type { WorkerEvents } from "graphile-worker";
import pg from "pg";
import type { Logger } from "../logger.js";
import type { Services } from "../services.js";

/** How often each worker process looks for jobs left locked by a dead one. */
const SWEEP_INTERVAL_MS = 5_000;
/** A pool takes its liveness lock just after it is created; locks younger than this are left alone. */
const GRACE_SECONDS = 5;

/**
 * Recovers jobs whose worker died without releasing them (kill -9, out of memory, lost
 * machine). graphile-worker itself leaves such a job locked for 4 hours. Each worker pool
 * holds a PostgreSQL session advisory lock named after its id for as long as its process
 * lives (PostgreSQL drops it when the connection goes); a sweep, at start and every
 * {@link SWEEP_INTERVAL_MS}, unlocks the jobs and queues of pools whose lock is free, so
 * another worker runs them again: at-least-once.
 *
 * Returns the `events` to give graphile-worker's `run`, and `stop` for when it has stopped.
 */
export async function recoverOrphanedJobs(
  services: Services,
  adminUrl: string,
): Promise<{ events: WorkerEvents; stop(): Promise<void> }> {
  const { log } = services;
  const liveness = new pg.Client({ connectionString: adminUrl, application_name: "clinicgraph-worker-liveness" });
  liveness.on("error", (error) => log.error({ err: error }, "worker liveness connection lost"));
  await liveness.connect();
  const events = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => {
    liveness
      .query("SELECT pg_advisory_lock(hashtextextended($1, 0))", [workerPool.id])
      .catch((error: unknown) => log.error({ err: error }, "could not take the worker pool's liveness lock"));
  });
  const sweep = () =>
    unlockDeadPools(services, log).catch((error: unknown) => log.error({ err: error }, "sweep failed"));
  void sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    events,
    stop: async () => {
      clearInterval(timer);
      await liveness.end();
    },
  };
}

async function unlockDeadPools({ adminDb }: Services, log: Logger) {
  // A transaction-level advisory lock conflicts with a session one: it is free only when no live pool holds it.
  const dead = await adminDb.$queryRaw<{ locked_by: string }[]>`
    SELECT locked_by FROM (
      SELECT locked_by, locked_at FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
      UNION ALL
      SELECT locked_by, locked_at FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL
    ) locks
    GROUP BY locked_by
    HAVING max(locked_at) < now() - make_interval(secs => ${GRACE_SECONDS})
       AND pg_try_advisory_xact_lock(hashtextextended(locked_by, 0))`;
  if (!dead.length) return;
  const ids = dead.map((d) => d.locked_by);
  await adminDb.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
  log.warn({ workerPools: ids }, "unlocked the jobs of worker pools that are gone; they will run again");
}
