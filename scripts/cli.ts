import { ConfigError, parseConfig } from "../src/config/config.js";
import { type DatabaseUrls, resolveDatabase } from "../src/db/database.js";
import { createLogger, type Logger } from "../src/logger.js";

/** Runs a maintenance script against the configured (or embedded) database, with one-line errors. */
export async function runWithDatabase(main: (db: DatabaseUrls, log: Logger) => Promise<void>): Promise<void> {
  try {
    const config = parseConfig();
    const log = createLogger(config.logLevel);
    const db = await resolveDatabase(config, log);
    try {
      await main(db, log);
    } finally {
      await db.stop();
    }
  } catch (error) {
    console.error(error instanceof ConfigError ? error.message : error);
    process.exitCode = 1;
  }
}
