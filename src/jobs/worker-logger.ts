import { Logger as WorkerLogger } from "graphile-worker";
import type { Logger } from "../logger.js";

/** Routes graphile-worker's log lines into our pino logger; its per-job chatter goes to debug. */
export function workerLogger(log: Logger): WorkerLogger {
  return new WorkerLogger((scope) => (level, message, meta) => {
    const method = level === "error" ? "error" : level === "warning" ? "warn" : "debug";
    log[method]({ ...scope, ...meta }, message);
  });
}
