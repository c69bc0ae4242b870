import { pino } from "pino";

export type Logger = pino.Logger;

/** Structured JSON logs; children carry `requestId` (HTTP) or `job` (worker) on every line. */
export function createLogger(level: string): Logger {
  return pino({ level, base: { service: "clinicgraph" } });
}
