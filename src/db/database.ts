import type { Config } from "../config/config.js";
import type { Logger } from "../logger.js";
import { startEmbeddedPostgres } from "./embedded-postgres.js";

/** The role API requests run as: not a superuser and not a table owner, so row-level security applies. */
export const APP_ROLE = "clinicgraph_app";

export interface DatabaseUrls {
  /** Owner of the schema: migrations and the job worker connect with it. */
  adminUrl: string;
  /** What the API connects with; row-level security applies to it. */
  appUrl: string;
  stop(): Promise<void>;
}

/**
 * Resolves where PostgreSQL is. Without `DATABASE_URL` an embedded PostgreSQL is started.
 * Without `APP_DATABASE_URL` the API connects with the admin credentials but every session
 * starts as {@link APP_ROLE} (`-c role=...`, which `RESET ROLE` returns to); production sets
 * `APP_DATABASE_URL` to a login role of its own.
 */
export async function resolveDatabase(config: Config, log: Logger): Promise<DatabaseUrls> {
  const embedded = config.database.url
    ? undefined
    : await startEmbeddedPostgres(config.database.embeddedDir, config.database.embeddedPort, log);
  const adminUrl = config.database.url ?? (embedded as NonNullable<typeof embedded>).url;
  return {
    adminUrl,
    appUrl: config.database.appUrl ?? withSessionRole(adminUrl, APP_ROLE),
    stop: async () => embedded?.stop(),
  };
}

export function withSessionRole(url: string, role: string): string {
  const u = new URL(url);
  u.searchParams.set("options", `-c role=${role}`);
  return u.toString();
}
