/**
 * `npm run db:migration:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql
 * with the SQL that takes the last migrated schema (schema-snapshot.prisma) to prisma/schema/*,
 * then updates the snapshot. Hand-written SQL (RLS, constraints, grants) goes below the marker.
 */
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { migrationsDir, readSchemaFiles, schemaSnapshotPath } from "../src/db/migrations.js";
import { noFilters, withSchemaEngine } from "../src/db/schema-engine.js";
import { runWithDatabase } from "./cli.js";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration:new -- <name_in_snake_case>");
  process.exit(2);
}

await runWithDatabase(async (db) => {
  const files = await readSchemaFiles();
  const snapshot = existsSync(schemaSnapshotPath) ? await readFile(schemaSnapshotPath, "utf8") : undefined;
  const { stdout } = await withSchemaEngine(db.adminUrl, files, (engine) =>
    engine.diff({
      from: snapshot
        ? { tag: "schemaDatamodel", files: [{ path: "snapshot.prisma", content: snapshot }] }
        : { tag: "empty" },
      to: { tag: "schemaDatamodel", files: files.map(([p, content]) => ({ path: p, content })) },
      script: true,
      exitCode: null,
      filters: noFilters,
    }),
  );
  const generated = (stdout ?? "").replace('-- CreateSchema\nCREATE SCHEMA IF NOT EXISTS "public";\n\n', "").trim();
  const snapshotText = `${files.map(([, text]) => text.trim()).join("\n\n")}\n`;
  if (!generated || generated === "-- This is an empty migration.") {
    await writeFile(schemaSnapshotPath, snapshotText);
    console.log("The schema change needs no SQL; schema-snapshot.prisma updated, no migration created.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join(migrationsDir, `${stamp}_${name}`);
  await mkdir(dir, { recursive: true });
  await writeFile(
    path.join(dir, "migration.sql"),
    `${generated}\n\n-- Hand-written SQL (row-level security, constraints, grants) below.\n`,
  );
  await writeFile(schemaSnapshotPath, snapshotText);
  console.log(`Created ${path.relative(process.cwd(), dir)}/migration.sql`);
});
