import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPrisma, type PrismaClient } from "../../src/db/prisma.js";
import type { TenantScope } from "../../src/db/tenant.js";
import { useTestDatabase } from "../support/database.js";
import { explainPatientsPage, patientsPage, scanNodes } from "./search-plan.js";

/**
 * The name search goes through the search keys' indexes under row-level security: PostgreSQL
 * evaluates conditions that are not leakproof (ILIKE) only after the policy, row by row, so this
 * checks the plan, as the API role, for the statement Prisma actually sends. Two organizations
 * of 3,000 patients each, analyzed, so the planner weighs real numbers. (A prefix that a tenth of
 * the organization shares, such as a common first name, is rightly read in name order through
 * the list's own index instead, stopping at the page's end; the searches here are selective.)
 */
const PER_ORGANIZATION = 3_000;
const FIRST_NAMES = ["Ana", "Bruno", "Carla", "Diogo", "Eva", "Filipe", "Gabriela", "Hugo", "Inês", "João"];
const LAST_NAMES = ["Silva", "Santos", "Ferreira", "Pereira", "Oliveira", "Costa", "Rodrigues", "Martins", "Sousa"];

const db = useTestDatabase();
let owner: PrismaClient;
let app: PrismaClient;
let scope: TenantScope;
let otherOrganizationId: string;

beforeAll(async () => {
  owner = createPrisma(db.adminUrl, 2);
  app = createPrisma(db.appUrl, 2);
  const ids: string[] = [];
  for (const slug of ["plan-a", "plan-b"]) {
    const organization = await owner.organization.create({ data: { name: slug, slug } });
    ids.push(organization.id);
    await owner.patient.createMany({
      data: Array.from({ length: PER_ORGANIZATION }, (_, i) => {
        const firstName = FIRST_NAMES[i % FIRST_NAMES.length] as string;
        return {
          organizationId: organization.id,
          firstName,
          lastName: `${LAST_NAMES[Math.floor(i / FIRST_NAMES.length) % LAST_NAMES.length]}${i}`,
          email: `${firstName.toLowerCase()}.${i}@example.com`,
          archivedAt: i % 50 === 0 ? new Date() : null,
        };
      }),
    });
  }
  await owner.$executeRawUnsafe("ANALYZE patients");
  scope = { organizationId: ids[0] as string, userId: null, role: "staff" };
  otherOrganizationId = ids[1] as string;
});
afterAll(async () => {
  await owner?.$disconnect();
  await app?.$disconnect();
});

const searchIndexes = /Index Scan (using|on) patients_organization_(first_name|last_name|email)_search_idx/;

describe("patients search plan, as the API role under row-level security", () => {
  it.each([
    ["a last name", "silva12"],
    ["a last name, in capitals", "SANTOS28"],
    ["an email", "eva.124"],
    ["two words", "ana silva1"],
    ["nothing", "zzz"],
  ])("finds %s through the search keys' indexes, organization and prefix in the index condition", async (_, search) => {
    const plan = await explainPatientsPage(db.appUrl, scope, { search });
    const nodes = scanNodes(plan);
    expect(
      nodes.some((line) => searchIndexes.test(line)),
      plan.join("\n"),
    ).toBe(true);
    const conditions = nodes.filter((line) => line.startsWith("Index Cond:"));
    const word = (search.split(" ").at(-1) as string).toLowerCase();
    expect(
      conditions.some((c) => c.includes("organization_id = ") && c.includes(`_search >= '${word}'::text`)),
      plan.join("\n"),
    ).toBe(true);
    expect(plan.join("\n")).not.toMatch(/Seq Scan on patients/);
  });

  it("answers what a case-insensitive prefix match (ILIKE) on the three columns answers, in the organization only", async () => {
    const reference = new pg.Client({ connectionString: db.adminUrl });
    await reference.connect();
    try {
      for (const search of ["silva12", "GABRI", "eva.124", "ana silva1", "inÊs sou", "zzz", "e", "%", "_na"]) {
        const words = search.split(" ");
        const conditions = words.map(
          (_, i) => `(first_name ILIKE $${i + 2} OR last_name ILIKE $${i + 2} OR email ILIKE $${i + 2})`,
        );
        const { rows } = await reference.query<{ id: string }>(
          `SELECT id FROM patients WHERE organization_id = $1 AND archived_at IS NULL AND ${conditions.join(" AND ")}
           ORDER BY last_name, first_name, id LIMIT 51`,
          [scope.organizationId, ...words.map((w) => `${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)],
        );
        const found = await patientsPage(app, scope, { search });
        expect({ search, ids: found.map((p) => p.id) }).toEqual({ search, ids: rows.map((r) => r.id) });
        expect(found.every((p) => p.organizationId !== otherOrganizationId)).toBe(true);
      }
    } finally {
      await reference.end();
    }
  });
});
