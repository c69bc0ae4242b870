import { afterAll, beforeAll } from "vitest";

/**
 * Registers `beforeAll(start)` and `afterAll(stop)` where it is called (a file, or a describe
 * block) and returns a handle to what `start` makes: its properties read through to the started
 * value, so the handle is declared once at the top and used inside tests and later hooks.
 * Hooks run in the order they are registered and `afterAll` in reverse, so a fixture declared
 * first is started first and stopped last.
 */
export function useFixture<T extends object>(
  name: string,
  start: () => Promise<T>,
  stop: (value: T) => Promise<unknown>,
): T {
  let value: T | undefined;
  beforeAll(async () => {
    value = await start();
  });
  afterAll(async () => {
    // A start that failed leaves nothing to stop; the failure itself is what the run reports.
    if (value) await stop(value);
  });
  const started = () => {
    if (!value) throw new Error(`${name} is used before its beforeAll ran (or after it failed)`);
    return value;
  };
  return new Proxy({} as T, {
    get(_, property) {
      const target = started();
      const field = Reflect.get(target, property, target);
      return typeof field === "function" ? field.bind(target) : field;
    },
    set: (_, property, field) => Reflect.set(started(), property, field),
  });
}
