/**
 * `npm run bench:plan-sessions`: how fast `consumePlanSession` drains one patient's plan when
 * many callers race for it (they serialize on the plan's row lock), and proof that none
 * overdraws. For each concurrency, a plan of 200 sessions is consumed by that many concurrent
 * callers (each its own scoped transaction, as a booking would) until every call is refused;
 * prints sessions used per second, refusals, and the balance left (always 0).
 */
import pg from "pg";
import { APP_ROLE, withSessionRole } from "../src/db/database.js";
import { migrateDatabase } from "../src/db/migrations.js";
import { createPrisma } from "../src/db/prisma.js";
import { inScopedTransaction } from "../src/db/tenant.js";
import { ConflictError } from "../src/errors.js";
import { createLogger } from "../src/logger.js";
import { consumePlanSession } from "../src/modules/plans/domain/plan-sessions.js";
import { databaseUrl, testEnv } from "../tests/support/env.js";
import { scaled } from "./support.js";

const SESSIONS = scaled(200, 10);
const POOL = 10;

const name = `cg_bench_sessions_${Date.now()}`;
const admin = new pg.Client({ connectionString: testEnv.databaseUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name}`);
const adminUrl = databaseUrl(name);
await migrateDatabase(adminUrl, createLogger("warn"));
const owner = createPrisma(adminUrl, 2);
const api = createPrisma(withSessionRole(adminUrl, APP_ROLE), POOL);

try {
  const org = await owner.organization.create({ data: { name: "Bench", slug: "bench" } });
  const organizationId = org.id;
  const scope = { organizationId, userId: null, role: "staff" };
  const service = await owner.service.create({
    data: {
      organizationId,
      name: "Physio",
      durationMinutes: 45,
      deliveryMode: "in_clinic",
      billingModel: "session_based",
      currency: "EUR",
      pricePerSession: 5000,
    },
  });
  const plan = await owner.servicePlan.create({
    data: { organizationId, name: "Plan", price: 1, currency: "EUR", validityDays: 30 },
  });
  const patient = await owner.patient.create({ data: { organizationId, firstName: "Pat", lastName: "Bench" } });
  console.log(`consumePlanSession: ${SESSIONS} sessions per plan, API pool of ${POOL} connections`);

  for (const concurrency of [1, 10, 50]) {
    const held = await owner.patientServicePlan.create({
      data: {
        organizationId,
        patientId: patient.id,
        servicePlanId: plan.id,
        price: 1,
        currency: "EUR",
        startsAt: new Date(Date.now() - 1000),
        expiresAt: new Date(Date.now() + 86_400_000),
        balances: {
          create: { organizationId, serviceId: service.id, sessionsIncluded: SESSIONS, sessionsRemaining: SESSIONS },
        },
      },
    });
    let used = 0;
    let refused = 0;
    const caller = async () => {
      for (;;) {
        try {
          await inScopedTransaction(api, scope, (tx) => consumePlanSession(tx, held.id, service.id));
          used++;
        } catch (error) {
          if (!(error instanceof ConflictError)) throw error;
          refused++;
          return;
        }
      }
    };
    const started = performance.now();
    await Promise.all(Array.from({ length: concurrency }, caller));
    const seconds = (performance.now() - started) / 1000;
    const left = await owner.patientServicePlanBalance.findFirstOrThrow({ where: { patientServicePlanId: held.id } });
    console.log(
      `${String(concurrency).padStart(3)} concurrent callers: ${used} used in ${seconds.toFixed(2)} s ` +
        `(${(used / seconds).toFixed(0)}/s), ${refused} refused, ${left.sessionsRemaining} left`,
    );
  }
} finally {
  await owner.$disconnect();
  await api.$disconnect();
  await admin.query(`DROP DATABASE ${name} WITH (FORCE)`);
  await admin.end();
}
