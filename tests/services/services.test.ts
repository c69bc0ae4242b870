import { readFile } from "node:fs/promises";
import { buildSchema, parse, validate } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { planRoutes } from "../../src/modules/plans/routes.js";
import { productRoutes } from "../../src/modules/products/routes.js";
import { servicesRoutes } from "../../src/modules/services/routes.js";
import { graphql } from "../generated/gql.js";
import { asApiKey, type TestOrganization } from "../support/auth.js";
import { describeCrossTenant, empty, excludes, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createMember, createPatientUser, createService, createSpecialist } from "./fixtures.js";

const CreateService = graphql(`
  mutation CatalogCreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      __typename
      ... on MutationCreateServiceSuccess {
        data { id name durationMinutes deliveryMode listPrice active
          pricing { billingModel currency pricePerSession basePrice pricePerUnit unitMinutes } }
      }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const UpdateService = graphql(`
  mutation CatalogUpdateService($id: ID!, $input: UpdateServiceInput!) {
    updateService(id: $id, input: $input) {
      __typename
      ... on MutationUpdateServiceSuccess { data { id name listPrice pricing { billingModel pricePerSession pricePerUnit unitMinutes } } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const Services = graphql(`
  query CatalogServices($first: Int, $after: String, $filter: ServiceFilter) {
    services(first: $first, after: $after, filter: $filter) {
      edges { node { id name active } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const Service = graphql(`
  query CatalogService($id: ID!) {
    service(id: $id) {
      id name
      specialists(first: 10) { edges { node { id lastName } } }
      addOns(first: 10) { edges { node { id name } } }
    }
  }
`);

const SetSpecialists = graphql(`
  mutation CatalogSetServiceSpecialists($input: SetServiceSpecialistsInput!) {
    setServiceSpecialists(input: $input) {
      __typename
      ... on MutationSetServiceSpecialistsSuccess { data { id specialists(first: 10) { edges { node { id } } } } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const SetAddOns = graphql(`
  mutation CatalogSetServiceAddOns($input: SetServiceAddOnsInput!) {
    setServiceAddOns(input: $input) {
      __typename
      ... on MutationSetServiceAddOnsSuccess { data { id addOns(first: 10) { edges { node { id } } } } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const server = useTestServer();
let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
});

const serviceRows = (org: TestOrganization) =>
  server.services.adminDb.service.count({ where: { organizationId: uuidOf(org.id) } });
const auditRows = (org: TestOrganization, action: string) =>
  server.services.adminDb.auditLog.count({ where: { organizationId: uuidOf(org.id), action } });

const base = { durationMinutes: 50, deliveryMode: "in_clinic" as const };

describe("services and their billing models", () => {
  it("creates a service of each billing model and prices one booking of its duration", async () => {
    const create = (name: string, pricing: Record<string, unknown>) =>
      gqlData(server.url, CreateService, { input: { ...base, name, pricing: pricing as never } }, a.owner);
    const session = await create("Consultation", {
      billingModel: "session_based",
      currency: "EUR",
      pricePerSession: 6000,
    });
    const time = await create("Massage", {
      billingModel: "time_based",
      currency: "EUR",
      pricePerUnit: 1000,
      unitMinutes: 15,
    });
    const hybrid = await create("Rehab", {
      billingModel: "hybrid",
      currency: "JPY",
      basePrice: 2000,
      pricePerUnit: 500,
      unitMinutes: 15,
    });
    const data = [session, time, hybrid].map((r) =>
      r.createService.__typename === "MutationCreateServiceSuccess" ? r.createService.data : r.createService,
    );
    expect(data).toMatchObject([
      { listPrice: 6000, pricing: { billingModel: "session_based", pricePerSession: 6000, pricePerUnit: null } },
      // 50 minutes = 4 started units of 15.
      {
        listPrice: 4000,
        pricing: { billingModel: "time_based", pricePerUnit: 1000, unitMinutes: 15, basePrice: null },
      },
      { listPrice: 4000, pricing: { billingModel: "hybrid", currency: "JPY", basePrice: 2000, pricePerSession: null } },
    ]);
    expect(await auditRows(a, "service.create")).toBeGreaterThanOrEqual(3);
  });

  it("refuses pricing that does not fit its billing model, with field paths, and writes nothing", async () => {
    const before = await serviceRows(a);
    const audits = await auditRows(a, "service.create");
    const result = await gqlData(
      server.url,
      CreateService,
      {
        input: {
          ...base,
          name: "Broken",
          pricing: { billingModel: "session_based", currency: "EURO", basePrice: 100, pricePerUnit: -5 },
        },
      },
      a.owner,
    );
    expect(result.createService).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const fields = result.createService.__typename === "ValidationError" ? result.createService.fields : [];
    expect(fields.map((f) => f.path.join("."))).toEqual(
      expect.arrayContaining([
        "input.pricing.currency",
        "input.pricing.pricePerSession",
        "input.pricing.basePrice",
        "input.pricing.pricePerUnit",
      ]),
    );
    expect(await serviceRows(a)).toBe(before);
    expect(await auditRows(a, "service.create")).toBe(audits);
  });

  it("answers /v1 with 201 for a valid service and 422 with the same field paths for a bad one", async () => {
    const created = await v1(server.url, "POST", "/v1/services", a.owner, {
      name: "Video consultation",
      durationMinutes: 30,
      deliveryMode: "telehealth",
      pricing: { billingModel: "time_based", currency: "USD", pricePerUnit: 900, unitMinutes: 10 },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: "Video consultation", deliveryMode: "telehealth", listPrice: 2700 });
    const got = await v1(server.url, "GET", `/v1/services/${created.body.id}`, a.owner);
    expect(got.body).toMatchObject({ id: created.body.id, pricing: { currency: "USD" } });

    const bad = await v1(server.url, "POST", "/v1/services", a.owner, {
      name: "Hybrid without base",
      durationMinutes: 30,
      deliveryMode: "in_clinic",
      pricing: { billingModel: "hybrid", currency: "EUR", pricePerSession: 100, pricePerUnit: 100, unitMinutes: 10 },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe("VALIDATION_FAILED");
    expect(bad.body.error.fields).toEqual([
      { path: ["input", "pricing", "pricePerSession"], message: "does not apply to hybrid billing" },
      { path: ["input", "pricing", "basePrice"], message: "is required for hybrid billing" },
    ]);
    const empty = await v1(server.url, "POST", "/v1/services", a.owner, {
      name: " ",
      durationMinutes: 30,
      deliveryMode: "in_clinic",
      pricing: { billingModel: "session_based", currency: "EUR", pricePerSession: 100 },
    });
    expect(empty.status).toBe(422);
    expect(empty.body.error.fields).toEqual([{ path: ["input", "name"], message: "must not be empty" }]);
    expect((await v1(server.url, "POST", "/v1/services", a.owner, { name: "No pricing" })).status).toBe(400);
  });

  it("updates only the fields given; a new pricing replaces the old one and is checked as a whole", async () => {
    const id = await createService(server, a);
    const switched = await gqlData(
      server.url,
      UpdateService,
      { id, input: { pricing: { billingModel: "time_based", currency: "EUR", pricePerUnit: 700, unitMinutes: 15 } } },
      a.owner,
    );
    expect(switched.updateService).toMatchObject({
      data: { listPrice: 2100, pricing: { billingModel: "time_based", pricePerSession: null, pricePerUnit: 700 } },
    });
    const incomplete = await v1(server.url, "PATCH", `/v1/services/${id}`, a.owner, {
      pricing: { billingModel: "time_based", currency: "EUR", pricePerUnit: 700 },
    });
    expect(incomplete.status).toBe(422);
    expect(incomplete.body.error.fields).toEqual([
      { path: ["input", "pricing", "unitMinutes"], message: "is required for time_based billing" },
    ]);
    const renamed = await v1(server.url, "PATCH", `/v1/services/${id}`, a.owner, { name: "Renamed" });
    expect(renamed.body).toMatchObject({ name: "Renamed", pricing: { billingModel: "time_based", pricePerUnit: 700 } });
  });

  it("refuses a price that would overflow for the service's duration", async () => {
    const result = await gqlData(
      server.url,
      CreateService,
      {
        input: {
          ...base,
          durationMinutes: 1440,
          name: "Overnight",
          pricing: { billingModel: "time_based", currency: "EUR", pricePerUnit: 100_000_000, unitMinutes: 1 },
        },
      },
      a.owner,
    );
    expect(result.createService).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "pricing"] }],
    });
  });

  it("answers a second service with the same name with a conflict (409 on /v1)", async () => {
    await createService(server, a, { name: "Dry needling" });
    const again = await v1(server.url, "POST", "/v1/services", a.owner, {
      name: "Dry needling",
      durationMinutes: 30,
      deliveryMode: "in_clinic",
      pricing: { billingModel: "session_based", currency: "EUR", pricePerSession: 100 },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("CONFLICT");
  });
});

describe("who may manage and read the catalog", () => {
  it("lets owners, admins and staff manage it, not specialists or patients", async () => {
    const input = {
      ...base,
      name: "Role check",
      pricing: { billingModel: "session_based" as const, currency: "EUR", pricePerSession: 1 },
    };
    const specialist = await createMember(server, a, "specialist");
    const patient = await createMember(server, a, "patient");
    for (const headers of [specialist.headers, patient.headers]) {
      const result = await gql(server.url, CreateService, { input }, headers);
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const staff = await createMember(server, a, "staff");
    const created = await gqlData(server.url, CreateService, { input }, staff.headers);
    expect(created.createService.__typename).toBe("MutationCreateServiceSuccess");
    const staffKey = await server.createApiKey(a, "staff");
    const byKey = await gqlData(
      server.url,
      CreateService,
      { input: { ...input, name: "By key" } },
      asApiKey(staffKey.key),
    );
    expect(byKey.createService.__typename).toBe("MutationCreateServiceSuccess");
  });

  it("shows patients active services only; staff see inactive ones too", async () => {
    const hidden = await createService(server, a, { active: false });
    const { headers } = await createPatientUser(server, a);
    const asPatient = await gqlData(server.url, Services, { first: 100 }, headers);
    expect(asPatient.services.edges.every((e) => e.node.active)).toBe(true);
    expect(asPatient.services.edges.map((e) => e.node.id)).not.toContain(hidden);
    expect((await gqlData(server.url, Service, { id: hidden }, headers)).service).toBeNull();
    const inactive = await gqlData(server.url, Services, { first: 100, filter: { active: false } }, a.owner);
    expect(inactive.services.edges.map((e) => e.node.id)).toContain(hidden);
    // Nor as an add-on of an active service.
    const main = await createService(server, a);
    await gqlData(server.url, SetAddOns, { input: { serviceId: main, addOnServiceIds: [hidden] } }, a.owner);
    expect((await gqlData(server.url, Service, { id: main }, headers)).service?.addOns.edges).toEqual([]);
    expect((await gqlData(server.url, Service, { id: main }, a.owner)).service?.addOns.edges).toHaveLength(1);
  });

  it("pages through services by cursor, in name order", async () => {
    const org = await server.createOrganization("Paging");
    for (const name of ["Delta", "Alpha", "Charlie", "Bravo", "Echo"]) await createService(server, org, { name });
    const names: string[] = [];
    let after: string | null | undefined;
    do {
      const page = await gqlData(server.url, Services, { first: 2, after }, org.owner);
      names.push(...page.services.edges.map((e) => e.node.name));
      after = page.services.pageInfo.hasNextPage ? page.services.pageInfo.endCursor : null;
    } while (after);
    expect(names).toEqual(["Alpha", "Bravo", "Charlie", "Delta", "Echo"]);
  });
});

describe("who delivers a service, and its add-ons", () => {
  it("replaces the specialists of a service and lists them", async () => {
    const service = await createService(server, a);
    const [s1, s2, s3] = [
      await createSpecialist(server, a),
      await createSpecialist(server, a),
      await createSpecialist(server, a),
    ];
    await gqlData(server.url, SetSpecialists, { input: { serviceId: service, specialistIds: [s1, s2] } }, a.owner);
    const result = await gqlData(
      server.url,
      SetSpecialists,
      { input: { serviceId: service, specialistIds: [s2, s3] } },
      a.owner,
    );
    const ids =
      result.setServiceSpecialists.__typename === "MutationSetServiceSpecialistsSuccess"
        ? result.setServiceSpecialists.data.specialists.edges.map((e) => e.node.id)
        : [];
    expect(ids.sort()).toEqual([s2, s3].sort());
    const listed = await v1(server.url, "GET", `/v1/services/${service}/specialists?first=1`, a.owner);
    expect(listed.body.data).toHaveLength(1);
    expect(listed.body.pageInfo.hasNextPage).toBe(true);
    const filtered = await gqlData(server.url, Services, { first: 50, filter: { specialistId: s3 } }, a.owner);
    expect(filtered.services.edges.map((e) => e.node.id)).toEqual([service]);
  });

  it("refuses a specialist listed twice with the field path, and changes nothing", async () => {
    const service = await createService(server, a);
    const s1 = await createSpecialist(server, a);
    const result = await gqlData(
      server.url,
      SetSpecialists,
      { input: { serviceId: service, specialistIds: [s1, s1] } },
      a.owner,
    );
    expect(result.setServiceSpecialists).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "specialistIds", "1"], message: "is listed twice" }],
    });
    expect(await server.services.adminDb.serviceSpecialist.count({ where: { serviceId: uuidOf(service) } })).toBe(0);
  });

  it("sets add-on services, refusing a service as its own add-on", async () => {
    const [main, extra] = [await createService(server, a), await createService(server, a)];
    const ok = await v1(server.url, "PUT", `/v1/services/${main}/add-ons`, a.owner, { addOnServiceIds: [extra] });
    expect(ok.status).toBe(200);
    expect(ok.body.addOns.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([extra]);
    const self = await gqlData(server.url, SetAddOns, { input: { serviceId: main, addOnServiceIds: [main] } }, a.owner);
    expect(self.setServiceAddOns).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "addOnServiceIds", "0"] }],
    });
    const read = await gqlData(server.url, Service, { id: main }, a.owner);
    expect(read.service?.addOns.edges.map((e) => e.node.id)).toEqual([extra]);
  });
});

describe("another organization's services", () => {
  let theirs: string;
  let theirSpecialist: string;
  let mine: string;

  beforeAll(async () => {
    theirs = await createService(server, b, { name: "B's own" });
    theirSpecialist = await createSpecialist(server, b);
    mine = await createService(server, a);
  });

  describeCrossTenant("are invisible and cannot be changed: not found, and B's service stays as it was", {
    server,
    as: () => a.owner,
    unchanged: async () => {
      const row = await server.services.adminDb.service.findUniqueOrThrow({ where: { id: uuidOf(theirs) } });
      expect(row).toMatchObject({ name: "B's own", active: true });
      expect(
        await server.services.adminDb.serviceSpecialist.count({ where: { specialistId: uuidOf(theirSpecialist) } }),
      ).toBe(0);
      expect(
        await server.services.adminDb.serviceAddOn.count({
          where: { serviceId: { in: [uuidOf(mine), uuidOf(theirs)] } },
        }),
      ).toBe(0);
    },
    operations: [
      operation(Service, () => ({ id: theirs }), empty),
      operation(
        Services,
        () => ({ first: 100 }),
        excludes(() => theirs),
        "leaves B's out",
      ),
      operation(UpdateService, () => ({ id: theirs, input: { name: "Taken over" } }), notFound()),
      operation(
        SetSpecialists,
        () => ({ input: { serviceId: theirs, specialistIds: [] } }),
        notFound(),
        "of B's service",
      ),
      operation(
        SetSpecialists,
        () => ({ input: { serviceId: mine, specialistIds: [theirSpecialist] } }),
        notFound(),
        "B's specialist on A's service",
      ),
      operation(
        SetAddOns,
        () => ({ input: { serviceId: mine, addOnServiceIds: [theirs] } }),
        notFound(),
        "B's service as an add-on of A's",
      ),
      operation(
        SetAddOns,
        () => ({ input: { serviceId: theirs, addOnServiceIds: [mine] } }),
        notFound(),
        "of B's service",
      ),
    ],
    ids: () => ({ service: theirs }),
    routes: [
      ["GET", "/v1/services/:service"],
      ["GET", "/v1/services/:service/specialists"],
      ["PATCH", "/v1/services/:service", { active: false }],
    ],
  });
});

describe("the /v1 catalog routes", () => {
  it("answer every list as a page of data, within the query limits", async () => {
    await createService(server, a);
    for (const path of [
      "/v1/services",
      "/v1/service-plans",
      "/v1/service-plans/patient-plans",
      "/v1/products",
      "/v1/patient-product-orders",
    ]) {
      const page = await v1(server.url, "GET", `${path}?first=50`, a.owner);
      expect(page, path).toMatchObject({
        status: 200,
        body: { data: expect.any(Array), pageInfo: { hasNextPage: false } },
      });
    }
    const services = await v1(server.url, "GET", "/v1/services?first=1&search=physio", a.owner);
    expect(services.body.data).toHaveLength(1);
  });

  it("each runs a document that is valid against schema.graphql", async () => {
    const schema = buildSchema(await readFile("schema.graphql", "utf8"));
    for (const route of [...servicesRoutes, ...planRoutes, ...productRoutes]) {
      expect(validate(schema, parse(route.document)), `${route.method} ${route.path}`).toEqual([]);
    }
  });
});
