import { createRequire } from "node:module";
import { unavailableDependency } from "../dependencies.js";
import type { Logger } from "../logger.js";

/*
 * graphile-worker 0.17 calls `batchCompleteJobs` / `batchFailJobs` (the statements that delete a
 * finished job, or unlock a failed one with its backoff) without awaiting or catching them: when
 * PostgreSQL restarts or drops the connection at that moment, the rejection is unhandled and ends
 * the process. 0.18 handles it but needs Node 22.18. Until then, both are wrapped here: a
 * connection failure is retried with backoff until the database answers (both statements are
 * idempotent: they match the job by id and by our pool's lock), anything else is logged, and
 * neither ever rejects. A job whose release never succeeds stays locked by its pool, and
 * `orphaned-jobs.ts` unlocks it once that pool is gone, so it runs again (at-least-once).
 */

type Release = (options: unknown, withPgClient: unknown, poolId: string, items: unknown[]) => Promise<void>;

const FIRST_DELAY_MS = 200;
const MAX_DELAY_MS = 5_000;
/** Retries stop after this long (the job is then recovered as an orphan); the database is long gone. */
const GIVE_UP_AFTER_MS = 10 * 60_000;

let log: Logger | undefined;
let installed = false;

/** Wraps graphile-worker's job completion and failure once per process; `logger` gets the retries. */
export function retryJobReleases(logger: Logger) {
  log = logger;
  if (installed) return;
  installed = true;
  const require = createRequire(import.meta.url);
  const complete = require("graphile-worker/dist/sql/completeJobs.js") as { batchCompleteJobs: Release };
  const fail = require("graphile-worker/dist/sql/failJobs.js") as { batchFailJobs: Release };
  if (typeof complete.batchCompleteJobs !== "function" || typeof fail.batchFailJobs !== "function")
    throw new Error("graphile-worker's job release functions moved; review src/jobs/job-release-retry.ts");
  complete.batchCompleteJobs = retrying("complete", complete.batchCompleteJobs);
  fail.batchFailJobs = retrying("fail", fail.batchFailJobs);
}

function retrying(action: "complete" | "fail", release: Release): Release {
  return async (options, withPgClient, poolId, items) => {
    const jobIds = items.map((item) => {
      const job = (item as { job?: { id: string }; id?: string }).job ?? (item as { id?: string });
      return job.id;
    });
    const started = Date.now();
    for (let attempt = 1; ; attempt++) {
      try {
        await release(options, withPgClient, poolId, items);
        if (attempt > 1) log?.info({ jobIds, action, attempt }, "job release succeeded after the database came back");
        return;
      } catch (error) {
        // A pool that was ended (the worker stopping) will not come back.
        if (!unavailableDependency(error) || /after calling end/.test(String(error))) {
          log?.error({ err: error, jobIds, action }, "could not release jobs; they run again once this worker is gone");
          return;
        }
        if (Date.now() - started > GIVE_UP_AFTER_MS) {
          log?.error({ err: error, jobIds, action }, "gave up releasing jobs; they run again once this worker is gone");
          return;
        }
        const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** (attempt - 1));
        log?.warn(
          { err: error, jobIds, action, attempt, retryInMs: delay },
          "database unavailable; retrying the job release",
        );
        await new Promise((resolve) => setTimeout(resolve, delay).unref());
      }
    }
  };
}
