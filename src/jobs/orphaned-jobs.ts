import { EventEmitter } from "node:events";
import type { WorkerEvents } from "graphile-worker";
import pg from "pg";
import type { Container } from "../container.js";
import type { Logger } from "../logger.js";

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
  services: Container,
  adminUrl: string,
): Promise<{ events: WorkerEvents; stop(): Promise<void> }> {
  const { log } = services;
  /** The pools of this process that are alive: their locks are held, and the sweep leaves their jobs alone. */
  const livePools = new Set<string>();
  let stopped = false;
  let liveness: pg.Client | undefined;
  let reconnectTimer: NodeJS.Timeout | undefined;
  // One statement at a time on the connection (pg deprecates overlapping queries on one client).
  let queue: Promise<unknown> = Promise.resolve();
  const serially = (client: pg.Client, sql: string, poolId: string) => {
    const next = queue.catch(() => {}).then(() => client.query(sql, [poolId]));
    queue = next;
    return next;
  };
  const lock = (client: pg.Client, poolId: string) =>
    serially(client, "SELECT pg_advisory_lock(hashtextextended($1, 0))", poolId).catch((error: unknown) =>
      log.error({ err: error }, "could not take the worker pool's liveness lock"),
    );
  // The locks live as long as this connection; when PostgreSQL restarts or drops it, a new one
  // takes them again, so a living pool never looks dead for longer than the outage.
  const connect = async (attempt: number): Promise<void> => {
    const client = new pg.Client({ connectionString: adminUrl, application_name: "clinicgraph-worker-liveness" });
    let lost = false;
    const onLost = (error?: Error) => {
      if (lost) return;
      lost = true;
      if (liveness === client) liveness = undefined;
      if (stopped) return;
      log.warn({ err: error }, "worker liveness connection lost; reconnecting");
      void client.end().catch(() => {});
      schedule(1);
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    try {
      await client.connect();
    } catch (error) {
      lost = true;
      void client.end().catch(() => {});
      if (attempt === 0) throw error;
      schedule(attempt + 1);
      return;
    }
    if (stopped) {
      await client.end();
      return;
    }
    liveness = client;
    for (const poolId of livePools) await lock(client, poolId);
    if (attempt > 0) log.info({ attempt }, "worker liveness connection restored");
  };
  const schedule = (attempt: number) => {
    if (stopped || reconnectTimer) return;
    reconnectTimer = setTimeout(
      () => {
        reconnectTimer = undefined;
        void connect(attempt);
      },
      Math.min(2_000, 100 * 2 ** attempt),
    );
    reconnectTimer.unref();
  };
  await connect(0);
  const events = new EventEmitter() as WorkerEvents;
  events.on("pool:create", ({ workerPool }) => {
    livePools.add(workerPool.id);
    if (liveness) void lock(liveness, workerPool.id);
  });
  events.on("pool:release", ({ workerPool }) => {
    livePools.delete(workerPool.id);
    if (liveness)
      serially(liveness, "SELECT pg_advisory_unlock(hashtextextended($1, 0))", workerPool.id).catch((error: unknown) =>
        log.debug({ err: error }, "could not drop the worker pool's liveness lock"),
      );
  });
  const sweep = () =>
    unlockDeadPools(services, log, [...livePools]).catch((error: unknown) =>
      log.warn({ err: error }, "orphaned jobs sweep failed"),
    );
  void sweep();
  const timer = setInterval(sweep, SWEEP_INTERVAL_MS);
  timer.unref();
  return {
    events,
    stop: async () => {
      stopped = true;
      clearInterval(timer);
      clearTimeout(reconnectTimer);
      await liveness?.end().catch(() => {});
    },
  };
}

async function unlockDeadPools({ adminDb }: Container, log: Logger, ownPools: string[]) {
  // A transaction-level advisory lock conflicts with a session one: it is free only when no live pool holds it.
  const dead = await adminDb.$queryRaw<{ locked_by: string }[]>`
    SELECT locked_by FROM (
      SELECT locked_by, locked_at FROM graphile_worker._private_jobs WHERE locked_by IS NOT NULL
      UNION ALL
      SELECT locked_by, locked_at FROM graphile_worker._private_job_queues WHERE locked_by IS NOT NULL
    ) locks
    WHERE locked_by <> ALL(${ownPools}::text[])
    GROUP BY locked_by
    HAVING max(locked_at) < now() - make_interval(secs => ${GRACE_SECONDS})
       AND pg_try_advisory_xact_lock(hashtextextended(locked_by, 0))`;
  if (!dead.length) return;
  const ids = dead.map((d) => d.locked_by);
  await adminDb.$executeRaw`SELECT graphile_worker.force_unlock_workers(${ids}::text[])`;
  log.warn({ workerPools: ids }, "unlocked the jobs of worker pools that are gone; they will run again");
}
