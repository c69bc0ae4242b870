import { pino } from "pino";
import { operationContext } from "./operation/context.js";

export type Logger = pino.Logger;

/**
 * Structured JSON logs; children carry `requestId` (HTTP) or `job` (worker) on every line. A line
 * logged while serving a request through any logger (Yoga's, a connection's error handler, the
 * base logger) gets the request's `requestId` too, from the operation context (`src/operation/context.ts`).
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "clinicgraph" },
    mixin: (_object, _level, logger) => {
      const requestId = operationContext.getStore()?.requestId;
      if (!requestId) return {};
      const bindings = (logger as unknown as Record<symbol, string | undefined>)[pino.symbols.chindingsSym];
      return bindings?.includes('"requestId"') ? {} : { requestId };
    },
  });
}
