import type { MemberRole } from "../../src/identity/roles.js";
import { graphql } from "../generated/gql.js";
import { asUser, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
import type { TestServer } from "../support/server.js";

/** A specialist of the organization, written with the owner connection (the profiles feature owns its API). */
export async function createSpecialist(server: TestServer, org: TestOrganization, lastName = unique("Specialist")) {
  const row = await server.services.adminDb.specialist.create({
    data: { organizationId: uuidOf(org.id), firstName: "Sam", lastName },
  });
  return globalId("Specialist", row.id);
}

/** A patient of the organization; with `userId`, the patient record of that user. */
export async function createPatient(server: TestServer, org: TestOrganization, userId?: string) {
  const row = await server.services.adminDb.patient.create({
    data: { organizationId: uuidOf(org.id), firstName: "Pat", lastName: unique("Patient"), userId },
  });
  return globalId("Patient", row.id);
}

const Me = graphql(`
  query CatalogFixtureMe { me { user { id } } }
`);

/** A new user who is a member of the organization with `role`, acting in it. */
export async function createMember(server: TestServer, org: TestOrganization, role: MemberRole) {
  const headers: Headers = asUser(unique(`user_${role}`));
  const me = await gqlData(server.url, Me, {}, headers);
  const userId = uuidOf(me.me.user?.id as string);
  const organizationId = uuidOf(org.id);
  await server.services.adminDb.userOrganization.create({ data: { organizationId, userId, role } });
  await server.services.adminDb.user.update({ where: { id: userId }, data: { activeOrganizationId: organizationId } });
  return { headers, userId };
}

/** A user with the patient role whose patient record is `patientId`. */
export async function createPatientUser(server: TestServer, org: TestOrganization) {
  const member = await createMember(server, org, "patient");
  return { ...member, patientId: await createPatient(server, org, member.userId) };
}

const CreateService = graphql(`
  mutation CatalogFixtureCreateService($input: CreateServiceInput!) {
    createService(input: $input) {
      __typename
      ... on MutationCreateServiceSuccess { data { id } }
      ... on Error { message }
    }
  }
`);

/** A session-based in-clinic service (50.00 EUR, 45 minutes). */
export async function createService(
  server: TestServer,
  org: TestOrganization,
  overrides: Partial<{ name: string; active: boolean; pricePerSession: number }> = {},
) {
  const result = await gqlData(
    server.url,
    CreateService,
    {
      input: {
        name: overrides.name ?? unique("Physiotherapy"),
        durationMinutes: 45,
        deliveryMode: "in_clinic",
        active: overrides.active ?? true,
        pricing: { billingModel: "session_based", currency: "EUR", pricePerSession: overrides.pricePerSession ?? 5000 },
      },
    },
    org.owner,
  );
  if (result.createService.__typename !== "MutationCreateServiceSuccess")
    throw new Error(`createService failed: ${JSON.stringify(result)}`);
  return result.createService.data.id;
}

const CreateProduct = graphql(`
  mutation CatalogFixtureCreateProduct($input: CreateProductInput!) {
    createProduct(input: $input) {
      __typename
      ... on MutationCreateProductSuccess { data { id } }
      ... on Error { message }
    }
  }
`);

export async function createProduct(
  server: TestServer,
  org: TestOrganization,
  overrides: Partial<{ price: number; active: boolean; currency: string }> = {},
) {
  const result = await gqlData(
    server.url,
    CreateProduct,
    {
      input: {
        name: unique("Resistance band"),
        kind: "physical",
        price: overrides.price ?? 1299,
        currency: overrides.currency ?? "EUR",
        active: overrides.active ?? true,
      },
    },
    org.owner,
  );
  if (result.createProduct.__typename !== "MutationCreateProductSuccess")
    throw new Error(`createProduct failed: ${JSON.stringify(result)}`);
  return result.createProduct.data.id;
}
