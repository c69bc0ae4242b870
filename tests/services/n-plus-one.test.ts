import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { statementRecorder } from "../support/statements.js";

const ServicesPage = graphql(`
  query CatalogServicesPage($first: Int!) {
    services(first: $first) {
      edges { node { id name listPrice
        specialists(first: 10) { edges { node { id firstName lastName } } }
        addOns(first: 10) { edges { node { id name } } }
      } }
    }
  }
`);

const PlansPage = graphql(`
  query CatalogPlansPage($first: Int!) {
    servicePlans(first: $first) {
      edges { node { id name
        products(first: 10) { edges { quantity node { id name price } } }
        services(first: 10) { edges { sessions node { id name } } }
      } }
    }
  }
`);

const recorder = statementRecorder();
const server = useTestServer({ container: recorder.options });
let org: TestOrganization;

beforeAll(async () => {
  org = await server.createOrganization();
  // 50 of each, straight into the database: what is measured is reading them.
  const organizationId = uuidOf(org.id);
  const admin = server.services.adminDb;
  const range = Array.from({ length: 50 }, (_, i) => String(i).padStart(2, "0"));
  const specialists = await admin.specialist.createManyAndReturn({
    data: range.slice(0, 3).map((i) => ({ organizationId, firstName: "Sam", lastName: `S${i}` })),
  });
  const services = await admin.service.createManyAndReturn({
    data: range.map((i) => ({
      organizationId,
      name: `Service ${i}`,
      durationMinutes: 30,
      deliveryMode: "in_clinic" as const,
      billingModel: "session_based" as const,
      currency: "EUR",
      pricePerSession: 1000,
    })),
  });
  await admin.serviceSpecialist.createMany({
    data: services.flatMap((service) =>
      specialists.map((specialist) => ({ organizationId, serviceId: service.id, specialistId: specialist.id })),
    ),
  });
  await admin.serviceAddOn.createMany({
    data: services.slice(1).map((service, i) => ({
      organizationId,
      serviceId: service.id,
      addOnServiceId: services[i]?.id as string,
    })),
  });
  const products = await admin.product.createManyAndReturn({
    data: range
      .slice(0, 3)
      .map((i) => ({ organizationId, name: `Product ${i}`, kind: "physical" as const, price: 500, currency: "EUR" })),
  });
  const plans = await admin.servicePlan.createManyAndReturn({
    data: range.map((i) => ({ organizationId, name: `Plan ${i}`, price: 10000, currency: "EUR", validityDays: 90 })),
  });
  await admin.servicePlanProduct.createMany({
    data: plans.flatMap((plan) =>
      products.map((product) => ({ organizationId, servicePlanId: plan.id, productId: product.id, quantity: 2 })),
    ),
  });
  await admin.servicePlanService.createMany({
    data: plans.flatMap((plan) =>
      services
        .slice(0, 2)
        .map((service) => ({ organizationId, servicePlanId: plan.id, serviceId: service.id, sessions: 5 })),
    ),
  });
});

/** Runs one request and counts the SQL statements it sent on the API connection. */
async function measured<T>(run: () => Promise<T>): Promise<{ statements: number; result: T }> {
  const { sql, result } = await recorder.during(run);
  return { statements: sql.length, result };
}

describe("nested lists load without N+1", () => {
  it("reads a page of 50 services with their specialists and add-ons in as many statements as a page of 5", async () => {
    const five = await measured(() => gqlData(server.url, ServicesPage, { first: 5 }, org.owner));
    const fifty = await measured(() => gqlData(server.url, ServicesPage, { first: 50 }, org.owner));
    const edges = fifty.result.services.edges;
    expect(edges).toHaveLength(50);
    expect(edges.every((e) => e.node.specialists.edges.length === 3)).toBe(true);
    expect(edges.filter((e) => e.node.addOns.edges.length === 1)).toHaveLength(49);
    expect(fifty.statements).toBe(five.statements);
  });

  it("reads a page of 50 plans with their products and services in as many statements as a page of 5", async () => {
    const five = await measured(() => gqlData(server.url, PlansPage, { first: 5 }, org.owner));
    const fifty = await measured(() => gqlData(server.url, PlansPage, { first: 50 }, org.owner));
    const edges = fifty.result.servicePlans.edges;
    expect(edges).toHaveLength(50);
    expect(edges.every((e) => e.node.products.edges.length === 3 && e.node.products.edges[0]?.quantity === 2)).toBe(
      true,
    );
    expect(edges.every((e) => e.node.services.edges.length === 2 && e.node.services.edges[0]?.sessions === 5)).toBe(
      true,
    );
    expect(fifty.statements).toBe(five.statements);
  });
});
