import { PrismaPg } from "@prisma/adapter-pg";
import { inScopedTransaction, scopedClient, type TenantScope } from "../../src/db/tenant.js";
import { PrismaClient } from "../../src/generated/prisma/client.js";
import { type PatientFilter, patientOrder, patientWhere } from "../../src/modules/patients/domain/patient-list.js";

/** The `patients` list's first page (of 50, plus one to see whether there is more), as the query runs it. */
export function patientsPage(client: PrismaClient, scope: TenantScope, filter: PatientFilter) {
  return scopedClient(client, scope).patient.findMany({
    where: patientWhere(filter),
    orderBy: patientOrder(filter),
    take: 51,
  });
}

/**
 * PostgreSQL's plan for the `patients` page with `filter`, exactly as Prisma sends it, under the
 * scope's row-level security: connects to `appUrl` (the API role), records the statement and its
 * parameters, then runs `EXPLAIN` of it in a scoped transaction. Returns the plan's lines.
 */
export async function explainPatientsPage(appUrl: string, scope: TenantScope, filter: PatientFilter) {
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: appUrl, max: 1 }),
    log: [{ emit: "event", level: "query" }],
  });
  try {
    const statements: { query: string; params: string }[] = [];
    client.$on("query", (event) => statements.push({ query: event.query, params: event.params }));
    await patientsPage(client, scope, filter);
    const statement = statements.find((s) => /^SELECT\b.*\bFROM "public"\."patients"/s.test(s.query));
    if (!statement) throw new Error(`no SELECT from patients among ${JSON.stringify(statements)}`);
    const rows = await inScopedTransaction(client, scope, (tx) =>
      tx.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(
        `EXPLAIN ${statement.query}`,
        ...(JSON.parse(statement.params) as unknown[]),
      ),
    );
    return rows.map((row) => row["QUERY PLAN"]);
  } finally {
    await client.$disconnect();
  }
}

/** The plan's scan nodes (each with its index condition, recheck and filter lines), costs left out. */
export function scanNodes(plan: string[]): string[] {
  const lines: string[] = [];
  let keep = false;
  plan.forEach((line, i) => {
    const text = line.trim();
    if (i === 0 || text.startsWith("->")) keep = /Scan|BitmapAnd|BitmapOr/.test(text);
    if (keep) lines.push(text.replace(/\s+\(cost=[^)]*\)/, ""));
  });
  return lines;
}
