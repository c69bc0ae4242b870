/** `npm run db:migrate`: applies pending migrations (graphile-worker's, then prisma/migrations). */
import { migrateDatabase } from "../src/db/migrations.js";
import { runWithDatabase } from "./cli.js";

await runWithDatabase(async (db, log) => {
  const applied = await migrateDatabase(db.adminUrl, log);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Database is up to date.");
});
