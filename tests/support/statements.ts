import type { ContainerOptions } from "../../src/container.js";

/**
 * Records the SQL statements a test server sends on its API connection: pass `options` to
 * `startTestServer`, then `during(run)` answers what one request cost.
 */
export function statementRecorder() {
  let statements: string[] = [];
  return {
    options: { onQuery: (sql: string) => void statements.push(sql) } satisfies ContainerOptions,
    /** The statements `run` sent (white space folded) and what it answered. */
    async during<T>(run: () => Promise<T>): Promise<{ sql: string[]; result: T }> {
      statements = [];
      const result = await run();
      return { sql: statements.map((sql) => sql.replace(/\s+/g, " ").trim()), result };
    },
  };
}
