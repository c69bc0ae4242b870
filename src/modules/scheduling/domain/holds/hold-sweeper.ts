import type { Container } from "../../../../container.js";
import { announceHold } from "./announce-hold.js";

/**
 * Every `intervalMs`, removes expired holds and announces each (the Redis store hands each
 * expired hold to exactly one process), so subscribers see a lapsed hold's slot come back.
 */
export function startHoldSweeper(services: Container, intervalMs = 500): { stop(): Promise<void> } {
  let sweeping: Promise<void> | undefined;
  const sweep = async () => {
    for (const hold of await services.holds.sweep()) await announceHold({ services }, hold, "HOLD_EXPIRED");
  };
  const timer = setInterval(() => {
    sweeping ??= sweep()
      .catch((error: unknown) => services.log.warn({ err: error }, "hold sweep failed"))
      .finally(() => {
        sweeping = undefined;
      });
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await sweeping;
    },
  };
}
