import { beforeAll, describe, expect, it } from "vitest";
import { inScopedTransaction } from "../../src/db/tenant.js";
import { ConflictError } from "../../src/errors.js";
import { consumePlanSession } from "../../src/modules/plans/domain/plan-sessions.js";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { describeCrossTenant, empty, excludes, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createMember, createPatient, createPatientUser, createProduct, createService } from "./fixtures.js";

const CreatePlan = graphql(`
  mutation CatalogCreateServicePlan($input: CreateServicePlanInput!) {
    createServicePlan(input: $input) {
      __typename
      ... on MutationCreateServicePlanSuccess {
        data { id name price currency validityDays accessGrants active
          services(first: 10) { edges { sessions node { id } } }
          products(first: 10) { edges { quantity node { id } } } }
      }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const UpdatePlan = graphql(`
  mutation CatalogUpdateServicePlan($id: ID!, $input: UpdateServicePlanInput!) {
    updateServicePlan(id: $id, input: $input) {
      __typename
      ... on MutationUpdateServicePlanSuccess { data { id name services(first: 10) { edges { sessions node { id } } } } }
      ... on Error { code message }
    }
  }
`);

const Plan = graphql(`
  query CatalogServicePlan($id: ID!) { servicePlan(id: $id) { id name } }
`);

const Plans = graphql(`
  query CatalogServicePlans { servicePlans(first: 100) { edges { node { id active } } } }
`);

const Assign = graphql(`
  mutation CatalogAssignServicePlan($input: AssignServicePlanInput!) {
    assignServicePlan(input: $input) {
      __typename
      ... on MutationAssignServicePlanSuccess {
        data { id status price currency accessGrants startsAt expiresAt sessionsRemaining
          balances(first: 10) { edges { node { sessionsIncluded sessionsRemaining service { id } } } } }
      }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const Consume = graphql(`
  mutation CatalogConsumePlanSession($input: ConsumePlanSessionInput!) {
    consumePlanSession(input: $input) {
      __typename
      ... on MutationConsumePlanSessionSuccess { data { id status sessionsRemaining } }
      ... on Error { code message }
    }
  }
`);

const Cancel = graphql(`
  mutation CatalogCancelPatientServicePlan($id: ID!) {
    cancelPatientServicePlan(id: $id) {
      __typename
      ... on MutationCancelPatientServicePlanSuccess { data { id status cancelledAt } }
      ... on Error { code message }
    }
  }
`);

const PatientPlans = graphql(`
  query CatalogPatientServicePlans($filter: PatientServicePlanFilter) {
    patientServicePlans(first: 100, filter: $filter) { edges { node { id status patient { id } } } }
  }
`);

const PatientPlan = graphql(`
  query CatalogPatientServicePlan($id: ID!) { patientServicePlan(id: $id) { id status sessionsRemaining } }
`);

const Access = graphql(`
  query CatalogPatientAccess($patientId: ID!) {
    patientAccess(patientId: $patientId) { patient { id } grants telerehabAccess libraryAccess }
  }
`);

const server = useTestServer({ worker: true });
let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
});

let planCounter = 0;

/** A plan of `org` with the given sessions per service and grants. */
async function createPlan(
  org: TestOrganization,
  services: { serviceId: string; sessions: number }[],
  extra: Partial<{
    accessGrants: ("telerehab_access" | "library_access")[];
    validityDays: number;
    active: boolean;
  }> = {},
) {
  const result = await gqlData(
    server.url,
    CreatePlan,
    {
      input: {
        name: `Plan ${++planCounter}`,
        price: 45000,
        currency: "EUR",
        validityDays: extra.validityDays ?? 90,
        accessGrants: extra.accessGrants ?? [],
        active: extra.active ?? true,
        services,
      },
    },
    org.owner,
  );
  if (result.createServicePlan.__typename !== "MutationCreateServicePlanSuccess")
    throw new Error(JSON.stringify(result.createServicePlan));
  return result.createServicePlan.data.id;
}

async function assign(org: TestOrganization, servicePlanId: string, patientId: string, startsAt?: Date) {
  const result = await gqlData(
    server.url,
    Assign,
    { input: { servicePlanId, patientId, startsAt: startsAt?.toISOString() } },
    org.owner,
  );
  if (result.assignServicePlan.__typename !== "MutationAssignServicePlanSuccess")
    throw new Error(JSON.stringify(result.assignServicePlan));
  return result.assignServicePlan.data;
}

const consume = (org: TestOrganization, patientServicePlanId: string, serviceId: string, headers = org.owner) =>
  gqlData(server.url, Consume, { input: { patientServicePlanId, serviceId } }, headers);

describe("service plans", () => {
  it("bundles sessions of services, products and access grants for a price and a validity", async () => {
    const [physio, consult] = [await createService(server, a), await createService(server, a)];
    const band = await createProduct(server, a);
    const result = await gqlData(
      server.url,
      CreatePlan,
      {
        input: {
          name: "Knee rehab, 3 months",
          price: 45000,
          currency: "EUR",
          validityDays: 90,
          accessGrants: ["telerehab_access", "library_access"],
          services: [
            { serviceId: physio, sessions: 10 },
            { serviceId: consult, sessions: 2 },
          ],
          products: [{ productId: band, quantity: 1 }],
        },
      },
      a.owner,
    );
    expect(result.createServicePlan).toMatchObject({
      __typename: "MutationCreateServicePlanSuccess",
      data: { price: 45000, currency: "EUR", validityDays: 90, accessGrants: ["telerehab_access", "library_access"] },
    });
    const id =
      result.createServicePlan.__typename === "MutationCreateServicePlanSuccess"
        ? result.createServicePlan.data.id
        : "";
    const got = await v1(server.url, "GET", `/v1/service-plans/${id}`, a.owner);
    expect(got.status).toBe(200);
    const sessions = Object.fromEntries(
      got.body.services.edges.map((e: { sessions: number; node: { id: string } }) => [e.node.id, e.sessions]),
    );
    expect(sessions).toEqual({ [physio]: 10, [consult]: 2 });
    expect(got.body.products.edges).toEqual([{ quantity: 1, node: { id: band, name: expect.any(String) } }]);
  });

  it("refuses bad plans with field paths (422 on /v1) and writes nothing", async () => {
    const physio = await createService(server, a);
    const count = () => server.services.adminDb.servicePlan.count({ where: { organizationId: uuidOf(a.id) } });
    const before = await count();
    const twice = await v1(server.url, "POST", "/v1/service-plans", a.owner, {
      name: "Twice",
      price: 100,
      currency: "EUR",
      validityDays: 30,
      services: [
        { serviceId: physio, sessions: 1 },
        { serviceId: physio, sessions: 2 },
      ],
    });
    expect(twice.status).toBe(422);
    expect(twice.body.error.fields).toEqual([{ path: ["input", "services", "1"], message: "is listed twice" }]);
    const zero = await v1(server.url, "POST", "/v1/service-plans", a.owner, {
      name: "Zero",
      price: 100,
      currency: "EUR",
      validityDays: 30,
      services: [{ serviceId: physio, sessions: 0 }],
    });
    expect(zero.status).toBe(422);
    expect(zero.body.error.fields).toEqual([
      { path: ["input", "services", "0", "sessions"], message: "must be at least 1" },
    ]);
    const money = await v1(server.url, "POST", "/v1/service-plans", a.owner, {
      name: "Money",
      price: 10.5,
      currency: "eur",
      validityDays: 30,
    });
    expect(money.status).toBe(400); // 10.5 is no Int: GraphQL refuses the variables
    const currency = await v1(server.url, "POST", "/v1/service-plans", a.owner, {
      name: "Money",
      price: 1050,
      currency: "eur",
      validityDays: 30,
    });
    expect(currency.status).toBe(422);
    expect(currency.body.error.fields[0].path).toEqual(["input", "currency"]);
    expect(await count()).toBe(before);
  });

  it("replaces the included services on update, and writes nothing when one of them is not found", async () => {
    const [one, two] = [await createService(server, a), await createService(server, a)];
    const theirs = await createService(server, b);
    const plan = await createPlan(a, [{ serviceId: one, sessions: 3 }]);
    const updated = await gqlData(
      server.url,
      UpdatePlan,
      { id: plan, input: { services: [{ serviceId: two, sessions: 4 }] } },
      a.owner,
    );
    expect(updated.updateServicePlan).toMatchObject({
      data: { services: { edges: [{ sessions: 4, node: { id: two } }] } },
    });
    const foreign = await gqlData(
      server.url,
      UpdatePlan,
      { id: plan, input: { name: "Renamed", services: [{ serviceId: theirs, sessions: 1 }] } },
      a.owner,
    );
    expect(foreign.updateServicePlan).toMatchObject({ __typename: "NotFoundError" });
    const row = await server.services.adminDb.servicePlan.findUniqueOrThrow({
      where: { id: uuidOf(plan) },
      include: { services: true },
    });
    expect(row.name).not.toBe("Renamed");
    expect(row.services.map((s) => [s.serviceId, s.sessions])).toEqual([[uuidOf(two), 4]]);
  });

  it("shows patients active plans only", async () => {
    const hidden = await createPlan(a, [], { active: false });
    const { headers } = await createPatientUser(server, a);
    const list = await gqlData(server.url, Plans, {}, headers);
    expect(list.servicePlans.edges.every((e) => e.node.active)).toBe(true);
    expect((await gqlData(server.url, Plan, { id: hidden }, headers)).servicePlan).toBeNull();
    expect((await gqlData(server.url, Plan, { id: hidden }, a.owner)).servicePlan?.id).toBe(hidden);
  });
});

describe("patient service plans", () => {
  it("copies the plan's price, grants and sessions when assigned, and expires validityDays after the start", async () => {
    const physio = await createService(server, a);
    const plan = await createPlan(a, [{ serviceId: physio, sessions: 10 }], {
      accessGrants: ["library_access"],
      validityDays: 30,
    });
    const patient = await createPatient(server, a);
    const startsAt = new Date("2026-12-01T09:00:00.000Z");
    const assigned = await v1(server.url, "POST", `/v1/service-plans/${plan}/assign`, a.owner, {
      patientId: patient,
      startsAt: startsAt.toISOString(),
    });
    expect(assigned.status).toBe(201);
    expect(assigned.body).toMatchObject({
      status: "active",
      price: 45000,
      currency: "EUR",
      accessGrants: ["library_access"],
      startsAt: startsAt.toISOString(),
      expiresAt: "2026-12-31T09:00:00.000Z",
      sessionsRemaining: 10,
      patient: { id: patient },
      balances: { edges: [{ node: { sessionsIncluded: 10, sessionsRemaining: 10, service: { id: physio } } }] },
    });
    // Changing the plan later does not change what the patient holds.
    await gqlData(server.url, UpdatePlan, { id: plan, input: { services: [] } }, a.owner);
    const held = await gqlData(server.url, PatientPlan, { id: assigned.body.id }, a.owner);
    expect(held.patientServicePlan?.sessionsRemaining).toBe(10);
  });

  it("refuses an inactive plan (409) and an archived patient (404)", async () => {
    const inactive = await createPlan(a, [], { active: false });
    const patient = await createPatient(server, a);
    const refused = await v1(server.url, "POST", `/v1/service-plans/${inactive}/assign`, a.owner, {
      patientId: patient,
    });
    expect(refused.status).toBe(409);
    const active = await createPlan(a, []);
    await server.services.adminDb.patient.update({ where: { id: uuidOf(patient) }, data: { archivedAt: new Date() } });
    const archived = await v1(server.url, "POST", `/v1/service-plans/${active}/assign`, a.owner, {
      patientId: patient,
    });
    expect(archived.status).toBe(404);
    expect(await server.services.adminDb.patientServicePlan.count({ where: { patientId: uuidOf(patient) } })).toBe(0);
  });

  it("lets 25 concurrent consumers use exactly the 10 sessions there are, never going below zero", async () => {
    const physio = await createService(server, a);
    const plan = await createPlan(a, [{ serviceId: physio, sessions: 10 }]);
    const held = await assign(a, plan, await createPatient(server, a));
    const results = await Promise.all(Array.from({ length: 25 }, () => consume(a, held.id, physio)));
    const outcomes = results.map((r) => r.consumePlanSession.__typename);
    expect(outcomes.filter((o) => o === "MutationConsumePlanSessionSuccess")).toHaveLength(10);
    expect(outcomes.filter((o) => o === "ConflictError")).toHaveLength(15);
    const balance = await server.services.adminDb.patientServicePlanBalance.findFirstOrThrow({
      where: { patientServicePlanId: uuidOf(held.id) },
    });
    expect(balance.sessionsRemaining).toBe(0);
    const after = await gqlData(server.url, PatientPlan, { id: held.id }, a.owner);
    expect(after.patientServicePlan).toMatchObject({ status: "exhausted", sessionsRemaining: 0 });
    expect(
      await server.services.adminDb.auditLog.count({
        where: { action: "patient_service_plan.consume_session", entityId: uuidOf(held.id) },
      }),
    ).toBe(10);
  });

  it("consumePlanSession, called by other features in their own transactions, holds under 30 concurrent callers", async () => {
    const [physio, consult] = [await createService(server, a), await createService(server, a)];
    const plan = await createPlan(a, [
      { serviceId: physio, sessions: 4 },
      { serviceId: consult, sessions: 3 },
    ]);
    const held = await assign(a, plan, await createPatient(server, a));
    const scope = { organizationId: uuidOf(a.id), userId: null, role: "staff" };
    const attempts = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) =>
        inScopedTransaction(server.services.appDb, scope, (tx) =>
          consumePlanSession(tx, uuidOf(held.id), uuidOf(i % 2 ? physio : consult)),
        ),
      ),
    );
    const used = attempts.filter((r) => r.status === "fulfilled");
    const refused = attempts.filter((r) => r.status === "rejected");
    expect(used).toHaveLength(7);
    expect(refused.every((r) => r.status === "rejected" && r.reason instanceof ConflictError)).toBe(true);
    const row = await server.services.adminDb.patientServicePlan.findUniqueOrThrow({
      where: { id: uuidOf(held.id) },
      include: { balances: true },
    });
    expect(row.status).toBe("exhausted");
    expect(row.balances.map((b) => b.sessionsRemaining)).toEqual([0, 0]);
  });

  it("refuses a service the plan does not include, a plan not started yet, and a cancelled plan, with 409", async () => {
    const [physio, other] = [await createService(server, a), await createService(server, a)];
    const plan = await createPlan(a, [{ serviceId: physio, sessions: 5 }]);
    const patient = await createPatient(server, a);
    const held = await assign(a, plan, patient);
    const notIncluded = await v1(server.url, "POST", `/v1/service-plans/patient-plans/${held.id}/consume`, a.owner, {
      serviceId: other,
    });
    expect(notIncluded).toMatchObject({
      status: 409,
      body: { error: { message: "The plan does not include this service" } },
    });
    const future = await assign(a, plan, patient, new Date(Date.now() + 7 * 86_400_000));
    expect((await consume(a, future.id, physio)).consumePlanSession).toMatchObject({ __typename: "ConflictError" });
    const cancelled = await v1(server.url, "POST", `/v1/service-plans/patient-plans/${held.id}/cancel`, a.owner);
    expect(cancelled.body).toMatchObject({ status: "cancelled", cancelledAt: expect.any(String) });
    expect((await consume(a, held.id, physio)).consumePlanSession).toMatchObject({
      __typename: "ConflictError",
      message: "The plan is cancelled",
    });
    const again = await gqlData(server.url, Cancel, { id: held.id }, a.owner);
    expect(again.cancelPatientServicePlan).toMatchObject({ __typename: "ConflictError" });
    expect(
      (
        await server.services.adminDb.patientServicePlanBalance.findFirstOrThrow({
          where: { patientServicePlanId: uuidOf(held.id) },
        })
      ).sessionsRemaining,
    ).toBe(5);
  });

  it("is expired from its expiry on, and the queued job records it with an audit row", async () => {
    const physio = await createService(server, a);
    const plan = await createPlan(a, [{ serviceId: physio, sessions: 5 }], { validityDays: 1 });
    const held = await assign(a, plan, await createPatient(server, a), new Date(Date.now() - 2 * 86_400_000));
    expect(held.status).toBe("expired");
    expect((await consume(a, held.id, physio)).consumePlanSession).toMatchObject({ message: "The plan is expired" });
    const id = uuidOf(held.id);
    for (let i = 0; i < 100; i++) {
      const row = await server.services.adminDb.patientServicePlan.findUniqueOrThrow({ where: { id } });
      if (row.status === "expired") break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect((await server.services.adminDb.patientServicePlan.findUniqueOrThrow({ where: { id } })).status).toBe(
      "expired",
    );
    expect(
      await server.services.adminDb.auditLog.count({ where: { action: "patient_service_plan.expire", entityId: id } }),
    ).toBe(1);
    const listed = await gqlData(server.url, PatientPlans, { filter: { status: "expired" } }, a.owner);
    expect(listed.patientServicePlans.edges.map((e) => e.node.id)).toContain(held.id);
  });

  it("lets specialists record sessions but not assign plans", async () => {
    const physio = await createService(server, a);
    const plan = await createPlan(a, [{ serviceId: physio, sessions: 2 }]);
    const held = await assign(a, plan, await createPatient(server, a));
    const specialist = await createMember(server, a, "specialist");
    const used = await consume(a, held.id, physio, specialist.headers);
    expect(used.consumePlanSession).toMatchObject({ data: { sessionsRemaining: 1 } });
    const assigned = await gql(
      server.url,
      Assign,
      { input: { servicePlanId: plan, patientId: await createPatient(server, a) } },
      specialist.headers,
    );
    expect(assigned.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("patientAccess", () => {
  it("derives the grants a patient holds now from their started, unexpired, uncancelled plans", async () => {
    const patient = await createPatient(server, a);
    const none = await gqlData(server.url, Access, { patientId: patient }, a.owner);
    expect(none.patientAccess).toEqual({
      patient: { id: patient },
      grants: [],
      telerehabAccess: false,
      libraryAccess: false,
    });

    const physio = await createService(server, a);
    const library = await createPlan(a, [{ serviceId: physio, sessions: 1 }], { accessGrants: ["library_access"] });
    const telerehab = await createPlan(a, [], { accessGrants: ["telerehab_access"] });
    const held = await assign(a, library, patient);
    await assign(a, telerehab, patient, new Date(Date.now() + 86_400_000)); // starts tomorrow
    const now = await v1(server.url, "GET", `/v1/service-plans/access/${patient}`, a.owner);
    expect(now.body).toEqual({
      patient: { id: patient },
      grants: ["library_access"],
      telerehabAccess: false,
      libraryAccess: true,
    });

    // Using the last session keeps the access until expiry; cancelling ends it.
    await consume(a, held.id, physio);
    expect((await gqlData(server.url, Access, { patientId: patient }, a.owner)).patientAccess?.libraryAccess).toBe(
      true,
    );
    await gqlData(server.url, Cancel, { id: held.id }, a.owner);
    expect((await gqlData(server.url, Access, { patientId: patient }, a.owner)).patientAccess?.grants).toEqual([]);
  });

  it("shows a patient user their own plans and access, and nobody else's", async () => {
    const me = await createPatientUser(server, a);
    const other = await createPatient(server, a);
    const plan = await createPlan(a, [], { accessGrants: ["telerehab_access"] });
    const mine = await assign(a, plan, me.patientId);
    const theirs = await assign(a, plan, other);
    const list = await gqlData(server.url, PatientPlans, {}, me.headers);
    expect(list.patientServicePlans.edges.map((e) => e.node.id)).toEqual([mine.id]);
    expect((await gqlData(server.url, PatientPlan, { id: theirs.id }, me.headers)).patientServicePlan).toBeNull();
    expect((await gqlData(server.url, Access, { patientId: me.patientId }, me.headers)).patientAccess?.grants).toEqual([
      "telerehab_access",
    ]);
    expect((await gqlData(server.url, Access, { patientId: other }, me.headers)).patientAccess).toBeNull();
    const physio = await createService(server, a);
    const selfService = await gql(
      server.url,
      Consume,
      { input: { patientServicePlanId: mine.id, serviceId: physio } },
      me.headers,
    );
    expect(selfService.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("another organization's plans, patient plans and patients", () => {
  let theirService: string;
  let theirPlan: string;
  let theirPatient: string;
  let theirHeld: { id: string };
  let myPlan: string;
  let myPatient: string;

  beforeAll(async () => {
    theirService = await createService(server, b);
    theirPlan = await createPlan(b, [{ serviceId: theirService, sessions: 3 }], { accessGrants: ["library_access"] });
    theirPatient = await createPatient(server, b);
    theirHeld = await assign(b, theirPlan, theirPatient);
    myPlan = await createPlan(a, []);
    myPatient = await createPatient(server, a);
  });

  describeCrossTenant(
    "are invisible to queries and untouchable by mutations, which answer not found and change nothing",
    {
      server,
      as: () => a.owner,
      unchanged: async () => {
        const { adminDb } = server.services;
        const row = await adminDb.patientServicePlan.findUniqueOrThrow({
          where: { id: uuidOf(theirHeld.id) },
          include: { balances: true },
        });
        expect(row.status).toBe("active");
        expect(row.balances[0]?.sessionsRemaining).toBe(3);
        expect((await adminDb.servicePlan.findUniqueOrThrow({ where: { id: uuidOf(theirPlan) } })).name).not.toBe(
          "Mine now",
        );
        expect(await adminDb.patientServicePlan.count({ where: { patientId: uuidOf(theirPatient) } })).toBe(1);
      },
      operations: [
        operation(Plan, () => ({ id: theirPlan }), empty),
        operation(
          Plans,
          () => ({}),
          excludes(() => theirPlan),
          "leaves B's out",
        ),
        operation(PatientPlan, () => ({ id: theirHeld.id }), empty),
        operation(PatientPlans, () => ({ filter: { patientId: theirPatient } }), empty, "of B's patient"),
        operation(Access, () => ({ patientId: theirPatient }), empty, "of B's patient"),
        operation(UpdatePlan, () => ({ id: theirPlan, input: { name: "Mine now" } }), notFound()),
        operation(
          Assign,
          () => ({ input: { servicePlanId: theirPlan, patientId: myPatient } }),
          notFound(),
          "B's plan to A's patient",
        ),
        operation(
          Assign,
          () => ({ input: { servicePlanId: myPlan, patientId: theirPatient } }),
          notFound(),
          "A's plan to B's patient",
        ),
        operation(
          Consume,
          () => ({ input: { patientServicePlanId: theirHeld.id, serviceId: theirService } }),
          notFound(),
        ),
        operation(Cancel, () => ({ id: theirHeld.id }), notFound()),
      ],
      ids: () => ({ plan: theirPlan, patientPlan: theirHeld.id, patient: theirPatient }),
      routes: [
        ["GET", "/v1/service-plans/:plan"],
        ["GET", "/v1/service-plans/patient-plans/:patientPlan"],
        ["GET", "/v1/service-plans/access/:patient"],
      ],
    },
  );
});
