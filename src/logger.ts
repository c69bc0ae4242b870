import { AsyncLocalStorage } from "node:async_hooks";
import { pino } from "pino";

export type Logger = pino.Logger;

/** The request an asynchronous flow serves (set by the HTTP server around each request). */
export const requestScope = new AsyncLocalStorage<{ requestId: string }>();

/**
 * Structured JSON logs; children carry `requestId` (HTTP) or `job` (worker) on every line. A line
 * logged while serving a request through any logger (Yoga's, a connection's error handler, the
 * base logger) gets the request's `requestId` too, from {@link requestScope}.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    base: { service: "clinicgraph" },
    mixin: (_object, _level, logger) => {
      const scope = requestScope.getStore();
      if (!scope) return {};
      const bindings = (logger as unknown as Record<symbol, string | undefined>)[pino.symbols.chindingsSym];
      return bindings?.includes('"requestId"') ? {} : { requestId: scope.requestId };
    },
  });
}
