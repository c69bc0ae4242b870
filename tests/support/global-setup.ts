import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrateDatabase, migrationsDir } from "../../src/db/migrations.js";
import { createLogger } from "../../src/logger.js";
import { databaseUrl, testEnv } from "./env.js";

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}

/** A name that changes whenever a migration (or the job queue's version) does. */
async function templateName(): Promise<string> {
  const hash = createHash("sha256");
  const dirs = (await readdir(migrationsDir, { withFileTypes: true }))
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  for (const dir of dirs.sort())
    hash.update(dir).update(await readFile(path.join(migrationsDir, dir, "migration.sql")));
  hash.update(JSON.parse(await readFile("node_modules/graphile-worker/package.json", "utf8")).version);
  return `cg_template_${hash.digest("hex").slice(0, 16)}`;
}

/**
 * Migrates a template database once per migration set; each test file clones it
 * (`CREATE DATABASE ... TEMPLATE`), so files run in parallel on their own data.
 */
export default async function setup(project: TestProject) {
  const name = await templateName();
  const admin = new pg.Client({ connectionString: testEnv.databaseUrl });
  await admin.connect();
  try {
    await admin.query("SELECT pg_advisory_lock(hashtext('clinicgraph-test-template'))");
    const { rowCount } = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (!rowCount) {
      const building = `${name}_building`;
      await admin.query(`DROP DATABASE IF EXISTS ${building}`);
      await admin.query(`CREATE DATABASE ${building}`);
      await migrateDatabase(databaseUrl(building), createLogger("warn"));
      await admin.query(`ALTER DATABASE ${building} RENAME TO ${name}`);
    }
  } finally {
    await admin.end();
  }
  project.provide("templateDatabase", name);
}
