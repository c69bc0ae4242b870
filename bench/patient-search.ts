/**
 * `npm run bench:patients`: what the `patients` list costs as an organization grows. Seeds
 * 3 organizations × 50,000 patients, then reads one organization's first page of 50 as the
 * `patients` query does (the API's scoped client: RLS + scope transaction), 100 times each:
 * unfiltered, by status, by a name prefix, by two words, by an email prefix, and a search that
 * matches nothing. The search is a case-insensitive prefix match (ILIKE 'x%') on three columns.
 * Under row-level security PostgreSQL cannot use an index for it (ILIKE is not leakproof, so it
 * is evaluated after the policy), trigram indexes included; it filters the organization's rows.
 */
import pg from "pg";
import { APP_ROLE, withSessionRole } from "../src/db/database.js";
import { migrateDatabase } from "../src/db/migrations.js";
import { createPrisma } from "../src/db/prisma.js";
import { scopedClient } from "../src/db/tenant.js";
import { createLogger } from "../src/logger.js";
import { type PatientFilter, patientWhere } from "../src/modules/patients/patients.js";
import { databaseUrl, testEnv } from "../tests/support/env.js";

const ORGANIZATIONS = 3;
const PATIENTS_PER_ORGANIZATION = 50_000;
const RUNS = 100;
const FIRST_NAMES = ["Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Gabriela", "Hugo", "Inês", "João"];
const LAST_NAMES = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa"];

const name = `cg_bench_patients_${Date.now()}`;
const admin = new pg.Client({ connectionString: testEnv.databaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const adminUrl = databaseUrl(name);
await migrateDatabase(adminUrl, createLogger("warn"));
const owner = createPrisma(adminUrl, 4);
const api = createPrisma(withSessionRole(adminUrl, APP_ROLE), 4);

async function measure(label: string, query: () => Promise<unknown[]>) {
  for (let i = 0; i < 20; i++) await query();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    rows = (await query()).length;
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => (times[Math.floor(q * (times.length - 1))] ?? 0).toFixed(2);
  console.log(`${label.padEnd(40)} rows ${String(rows).padStart(2)}  median ${at(0.5)} ms  p99 ${at(0.99)} ms`);
}

try {
  const organizationIds: string[] = [];
  for (let o = 0; o < ORGANIZATIONS; o++) {
    const org = await owner.organization.create({ data: { name: `Org ${o}`, slug: `org-${o}` } });
    organizationIds.push(org.id);
    for (let start = 0; start < PATIENTS_PER_ORGANIZATION; start += 5_000) {
      await owner.patient.createMany({
        data: Array.from({ length: 5_000 }, (_, k) => {
          const i = start + k;
          const firstName = FIRST_NAMES[i % FIRST_NAMES.length] as string;
          const lastName = `${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}${i}`;
          return {
            organizationId: org.id,
            firstName,
            lastName,
            email: `${firstName.toLowerCase()}.${i}@example.com`,
            status: (["invited", "onboarding", "active"] as const)[i % 3],
            onboardedAt: i % 3 === 2 ? new Date() : null,
          };
        }),
      });
    }
  }
  await owner.$executeRawUnsafe("ANALYZE patients");
  const organizationId = organizationIds[1] as string;
  const scoped = scopedClient(api, { organizationId, userId: null, role: "staff" });
  const page = (filter: PatientFilter) => () =>
    scoped.patient.findMany({
      where: patientWhere(filter),
      orderBy: [{ lastName: "asc" }, { firstName: "asc" }, { id: "asc" }],
      take: 51,
    });

  console.log(
    `patients: ${ORGANIZATIONS} × ${PATIENTS_PER_ORGANIZATION}; first page of 50 of one organization, ${RUNS} runs each`,
  );
  await measure("no filter", page({}));
  await measure("status = active", page({ status: "active" }));
  await measure('search "sil" (name prefix)', page({ search: "sil" }));
  await measure('search "ana silva1" (two words)', page({ search: "ana silva1" }));
  await measure('search "eva.4994" (email prefix)', page({ search: "eva.4994" }));
  await measure('search "zzz" (no match: full scan)', page({ search: "zzz" }));
} finally {
  await owner.$disconnect();
  await api.$disconnect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
