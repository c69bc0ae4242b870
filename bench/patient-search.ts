/**
 * `npm run bench:patients`: what the `patients` list costs as an organization grows. Seeds
 * 3 organizations × BENCH_PATIENTS (50,000) patients, then reads one organization's first page
 * of 50 as the `patients` query does (the API's scoped client: RLS + scope transaction),
 * BENCH_RUNS (100) times each: unfiltered, by status, by a name prefix, by two words, by an
 * email prefix, and a search that matches nothing.
 *
 * The search is a case-insensitive prefix match on the first name, last name and email. It
 * compares generated, lowercased search keys with ranges (`key >= 'sil' AND key < 'sim'`, see
 * `src/modules/patients/domain/search.ts`): btree comparisons are leakproof, so under row-level security
 * PostgreSQL still uses the `(organization_id, key)` indexes (an ILIKE, which is not leakproof,
 * was evaluated after the policy on every row of the organization: 45–59 ms at 50,000).
 *
 * For each search it prints the plan's scan nodes (EXPLAIN as the API role, under RLS) and two
 * ratios measured in the same run: against the floor (the same search as plain SQL through `pg`
 * as the owner, no RLS, no scope transaction, organization filter written out) and against the
 * unfiltered page through the API's client. A tiny run (BENCH_PATIENTS=500 BENCH_RUNS=5) takes a
 * few seconds.
 */
import pg from "pg";
import { APP_ROLE, withSessionRole } from "../src/db/database.js";
import { createPrisma } from "../src/db/prisma.js";
import type { TenantScope } from "../src/db/tenant.js";
import type { PatientFilter } from "../src/modules/patients/domain/patient-list.js";
import { prefixSuccessor, searchKeyOf } from "../src/modules/patients/domain/search.js";
import { explainPatientsPage, patientsPage, scanNodes } from "../tests/patients/search-plan.js";
import { benchDatabase, scaled } from "./support.js";

const ORGANIZATIONS = 3;
const PATIENTS_PER_ORGANIZATION = Number(process.env.BENCH_PATIENTS ?? scaled(50_000, 300));
const RUNS = Number(process.env.BENCH_RUNS ?? scaled(100, 3));
const WARMUP = Math.min(20, RUNS);
const BATCH = 5_000;
const FIRST_NAMES = ["Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Gabriela", "Hugo", "Inês", "João"];
const LAST_NAMES = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa"];

const database = await benchDatabase("patients");
const owner = createPrisma(database.adminUrl, 4);
const appUrl = withSessionRole(database.adminUrl, APP_ROLE);
const api = createPrisma(appUrl, 4);
const floorPool = new pg.Pool({ connectionString: database.adminUrl, max: 4 });
// Dropping the database at the end ends any connection still closing; that is no failure.
floorPool.on("error", () => {});

async function medianOf(query: () => Promise<unknown[]>) {
  for (let i = 0; i < WARMUP; i++) await query();
  const times: number[] = [];
  let rows = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    rows = (await query()).length;
    times.push(performance.now() - started);
  }
  times.sort((x, y) => x - y);
  const at = (q: number) => times[Math.floor(q * (times.length - 1))] ?? 0;
  return { rows, median: at(0.5), p99: at(0.99) };
}

/** The same search as plain SQL (order of `patientOrder` included), organization written out: what PostgreSQL alone needs for it. */
function floorQuery(organizationId: string, search: string) {
  const params: unknown[] = [organizationId];
  const words = search.split(/\s+/).filter(Boolean).map(searchKeyOf);
  const conditions = words.map((word) => {
    const successor = prefixSuccessor(word);
    params.push(word);
    const from = `$${params.length}`;
    let to = "";
    if (successor !== null) {
      params.push(successor);
      to = ` AND %s < $${params.length}`;
    }
    const range = (key: string) => `(${key} >= ${from}${to.replace("%s", key)})`;
    return `(${["first_name_search", "last_name_search", "email_search"].map(range).join(" OR ")})`;
  });
  const text = `SELECT * FROM patients WHERE organization_id = $1 AND archived_at IS NULL
    ${conditions.map((c) => `AND ${c}`).join(" ")} ORDER BY last_name_order NULLS FIRST, first_name, id LIMIT 51`;
  return async () => (await floorPool.query(text, params)).rows;
}

const line = (label: string, m: { rows: number; median: number; p99: number }, extra = "") =>
  console.log(
    `${label.padEnd(38)} rows ${String(m.rows).padStart(2)}  median ${m.median.toFixed(2).padStart(6)} ms  p99 ${m.p99.toFixed(2).padStart(6)} ms${extra}`,
  );

try {
  const organizationIds: string[] = [];
  for (let o = 0; o < ORGANIZATIONS; o++) {
    const org = await owner.organization.create({ data: { name: `Org ${o}`, slug: `org-${o}` } });
    organizationIds.push(org.id);
    for (let start = 0; start < PATIENTS_PER_ORGANIZATION; start += BATCH) {
      await owner.patient.createMany({
        data: Array.from({ length: Math.min(BATCH, PATIENTS_PER_ORGANIZATION - start) }, (_, k) => {
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
  const scope: TenantScope = { organizationId, userId: null, role: "staff" };
  const page = (filter: PatientFilter) => () => patientsPage(api, scope, filter);

  console.log(
    `patients: ${ORGANIZATIONS} × ${PATIENTS_PER_ORGANIZATION}; first page of 50 of one organization, ${RUNS} runs each`,
  );
  const unfiltered = await medianOf(page({}));
  line("no filter", unfiltered);
  line("status = active", await medianOf(page({ status: "active" })));
  const searches: [string, string][] = [
    ["sil", "name prefix"],
    ["ana silva1", "two words"],
    ["eva.4994", "email prefix"],
    ["zzz", "no match"],
  ];
  for (const [search, what] of searches) {
    const measured = await medianOf(page({ search }));
    const floor = await medianOf(floorQuery(organizationId, search));
    line(
      `search "${search}" (${what})`,
      measured,
      `  ×floor ${(measured.median / floor.median).toFixed(1)} (${floor.median.toFixed(2)} ms)  ×no filter ${(measured.median / unfiltered.median).toFixed(1)}`,
    );
    const plan = await explainPatientsPage(appUrl, scope, { search });
    // The nodes and their index conditions; the policy's setting read, shortened.
    for (const node of scanNodes(plan).filter((l) => !/^(Recheck Cond|Filter):/.test(l))) {
      console.log(
        `    ${node.replace(/\(NULLIF\(current_setting\('(app\.\w+)'::text, true\), ''::text\)\)(::uuid)?/g, "$1")}`,
      );
    }
  }
  console.log("floor: the same search as plain SQL through pg as the owner (no RLS, no scope transaction)");
} finally {
  await owner.$disconnect();
  await api.$disconnect();
  await floorPool.end();
  await database.drop();
}
