/**
 * `npm run bench:rls`: what row-level security costs on a list query. Seeds 20 organizations ×
 * 2,000 audit rows, then reads one organization's newest 50 rows three ways, 1,000 times each:
 *  - through the API's scoped client (RLS policy + the per-query transaction that sets the scope),
 *  - as the owner role (no policy applies) with an explicit WHERE organization_id = ...,
 *  - as the API role inside one transaction with the scope set once (policy cost alone).
 */
import pg from "pg";
import { APP_ROLE, withSessionRole } from "../src/db/database.js";
import { migrateDatabase } from "../src/db/migrations.js";
import { createPrisma } from "../src/db/prisma.js";
import { scopedClient } from "../src/db/tenant.js";
import { createLogger } from "../src/logger.js";
import { databaseUrl, testEnv } from "../tests/support/env.js";
import { scaled } from "./support.js";

const ORGANIZATIONS = 20;
const ROWS_PER_ORGANIZATION = scaled(2_000, 60);
const RUNS = scaled(1_000, 5);

const name = `cg_bench_rls_${Date.now()}`;
const admin = new pg.Client({ connectionString: testEnv.databaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const adminUrl = databaseUrl(name);
await migrateDatabase(adminUrl, createLogger("warn"));
const owner = createPrisma(adminUrl, 4);
const api = createPrisma(withSessionRole(adminUrl, APP_ROLE), 4);

async function measure(label: string, query: () => Promise<unknown[]>) {
  for (let i = 0; i < 50; i++) await query();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    rows = (await query()).length;
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(3);
  console.log(`${label.padEnd(56)} rows ${rows}  median ${at(0.5)} ms  p99 ${at(0.99)} ms`);
}

try {
  const organizationIds: string[] = [];
  for (let o = 0; o < ORGANIZATIONS; o++) {
    const org = await owner.organization.create({ data: { name: `Org ${o}`, slug: `org-${o}` } });
    organizationIds.push(org.id);
    await owner.auditLog.createMany({
      data: Array.from({ length: ROWS_PER_ORGANIZATION }, (_, i) => ({
        organizationId: org.id,
        action: "bench.row",
        entityType: "Bench",
        entityId: String(i),
        changes: { after: { i } },
      })),
    });
  }
  await owner.$executeRawUnsafe("ANALYZE audit_log");
  const organizationId = organizationIds[7] as string;
  const scoped = scopedClient(api, { organizationId, userId: null, role: null });
  const newest = { orderBy: [{ createdAt: "desc" as const }, { id: "desc" as const }], take: 50 };

  console.log(
    `audit_log: ${ORGANIZATIONS * ROWS_PER_ORGANIZATION} rows; newest 50 of one organization, ${RUNS} runs each`,
  );
  await measure("API scoped client (RLS + scope transaction)", () => scoped.auditLog.findMany(newest));
  await measure("owner role, explicit WHERE (no RLS)", () =>
    owner.auditLog.findMany({ ...newest, where: { organizationId } }),
  );
  await api.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT set_config('app.organization_id', ${organizationId}, true)`;
      await measure("API role, scope set once, RLS policy only", () => tx.auditLog.findMany(newest));
    },
    { timeout: 120_000 },
  );
} finally {
  await owner.$disconnect();
  await api.$disconnect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
