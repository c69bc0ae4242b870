import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { runMigrations as runWorkerMigrations } from "graphile-worker";
import { workerLogger } from "../jobs/worker-logger.js";
import type { Logger } from "../logger.js";
import { noFilters, withSchemaEngine } from "./schema-engine.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
export const schemaDir = path.join(root, "prisma/schema");
export const migrationsDir = path.join(root, "prisma/migrations");
/** The Prisma schema as the committed migrations leave it; new migrations are diffed against it. */
export const schemaSnapshotPath = path.join(migrationsDir, "schema-snapshot.prisma");
const lockfileName = "migration_lock.toml";

/** The Prisma schema files, as `[fileName, text]` pairs in a stable order. */
export async function readSchemaFiles(): Promise<[string, string][]> {
  const names = (await readdir(schemaDir)).filter((n) => n.endsWith(".prisma")).sort();
  return Promise.all(names.map(async (n) => [n, await readFile(path.join(schemaDir, n), "utf8")] as [string, string]));
}

async function readMigrationList() {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const directories = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockfileName, content: await readFile(path.join(migrationsDir, lockfileName), "utf8") },
    shadowDbInitScript: "",
    migrationDirectories: await Promise.all(
      directories.map(async (dir) => ({
        path: dir,
        migrationFile: {
          path: "migration.sql",
          content: {
            tag: "ok" as const,
            value: await readFile(path.join(migrationsDir, dir, "migration.sql"), "utf8"),
          },
        },
      })),
    ),
  };
}

/**
 * Brings the database up to date: graphile-worker's own schema first (our SQL may enqueue
 * jobs), then `prisma/migrations/*` in order. Returns the names of the migrations applied.
 */
export async function migrateDatabase(adminUrl: string, log: Logger): Promise<string[]> {
  await runWorkerMigrations({ connectionString: adminUrl, logger: workerLogger(log) });
  const migrationsList = await readMigrationList();
  const { appliedMigrationNames } = await withSchemaEngine(adminUrl, await readSchemaFiles(), (engine) =>
    engine.applyMigrations({ migrationsList, filters: noFilters }),
  );
  if (appliedMigrationNames.length) log.info({ migrations: appliedMigrationNames }, "applied database migrations");
  return appliedMigrationNames;
}
