import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import type { TestMember } from "../support/members.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createPatient, linkPatientUser, requireOnboardingSteps } from "./fixtures.js";

const Me = graphql(`
  query ImpersonationMe { me { role impersonating user { id } patient { id firstName } } }
`);

const List = graphql(`
  query ImpersonationList { patients { edges { node { id } } } }
`);

const Complete = graphql(`
  mutation ImpersonationComplete($patientId: ID!, $step: String!) {
    completePatientOnboardingStep(patientId: $patientId, step: $step) {
      __typename
      ... on MutationCompletePatientOnboardingStepSuccess { data { status } }
      ... on Error { code message }
    }
  }
`);

const CreatePatient = graphql(`
  mutation ImpersonationCreatePatient($input: CreatePatientInput!) {
    createPatient(input: $input) { __typename }
  }
`);

const CreateOrganization = graphql(`
  mutation ImpersonationCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) { __typename }
  }
`);

const Audit = graphql(`
  query ImpersonationAudit($filter: AuditLogFilter) {
    auditLog(filter: $filter, first: 5) {
      edges { node { action entityId actorUserId actorApiKeyId actorPatientId impersonatorUserId } }
    }
  }
`);

const server = useTestServer();
let org: TestOrganization;
let admin: TestMember;
let walkIn: { id: string };
let linked: { id: string };

const as = (headers: Record<string, string>, patientId: string) => ({ ...headers, "x-impersonate-patient": patientId });

beforeAll(async () => {
  org = await server.createOrganization();
  await requireOnboardingSteps(server.url, org, ["consent", "intake-form"]);
  admin = await server.addMember(org, "admin");
  // A patient without a user account: only impersonation lets anyone act as them.
  walkIn = await createPatient(server.url, org, { firstName: "Walk", lastName: "In" });
  linked = await createPatient(server.url, org, { firstName: "Linked" });
  await linkPatientUser(server.url, org, linked.id, (await server.addMember(org, "patient")).userId);
});

describe("an owner or admin acting as a patient", () => {
  it("acts with the patient's scope, even for a patient without a user account, and `me` says so", async () => {
    const headers = as(admin.headers, walkIn.id);
    expect((await gqlData(server.url, Me, {}, headers)).me).toEqual({
      role: "patient",
      impersonating: true,
      user: { id: admin.userId },
      patient: { id: walkIn.id, firstName: "Walk" },
    });
    expect((await gqlData(server.url, List, {}, headers)).patients.edges).toEqual([{ node: { id: walkIn.id } }]);
    const step = await gqlData(server.url, Complete, { patientId: walkIn.id, step: "consent" }, headers);
    expect(step.completePatientOnboardingStep).toMatchObject({ data: { status: "onboarding" } });
    const other = await gqlData(server.url, Complete, { patientId: linked.id, step: "consent" }, headers);
    expect(other.completePatientOnboardingStep).toMatchObject({ __typename: "NotFoundError" });
  });

  it("marks every such response, on GraphQL and /v1", async () => {
    const graphqlResponse = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...as(org.owner, linked.id) },
      body: JSON.stringify({ query: List.toString() }),
    });
    expect(graphqlResponse.headers.get("x-impersonated-patient")).toBe(linked.id);
    const rest = await v1(server.url, "GET", "/v1/patients", as(org.owner, linked.id));
    expect(rest.status).toBe(200);
    expect(rest.headers.get("x-impersonated-patient")).toBe(linked.id);
    expect(rest.body.data).toMatchObject([{ id: linked.id }]);
    const me = await v1(server.url, "GET", "/v1/me", as(org.owner, linked.id));
    expect(me.body).toMatchObject({ role: "patient", impersonating: true });

    const plain = await v1(server.url, "GET", "/v1/patients", org.owner);
    expect(plain.headers.get("x-impersonated-patient")).toBeNull();
    expect(plain.body.data).toHaveLength(2);
  });

  it("is audited with the patient as the actor and the admin as the impersonator", async () => {
    const rest = await v1(
      server.url,
      "POST",
      `/v1/patients/${linked.id}/onboarding-steps`,
      as(admin.headers, linked.id),
      {
        step: "intake-form",
      },
    );
    expect(rest.status).toBe(200);
    const { auditLog } = await gqlData(
      server.url,
      Audit,
      { filter: { entityId: uuidOf(linked.id), action: "patient.complete_onboarding_step" } },
      org.owner,
    );
    expect(auditLog.edges.map((e) => e.node)).toEqual([
      {
        action: "patient.complete_onboarding_step",
        entityId: uuidOf(linked.id),
        actorUserId: null,
        actorApiKeyId: null,
        actorPatientId: uuidOf(linked.id),
        impersonatorUserId: uuidOf(admin.userId),
      },
    ]);
    const byImpersonator = await gqlData(
      server.url,
      Audit,
      { filter: { impersonatorUserId: uuidOf(admin.userId) } },
      org.owner,
    );
    expect(byImpersonator.auditLog.edges.length).toBeGreaterThan(0);
  });

  it("leaves staff-only and account operations out of reach while impersonating", async () => {
    const headers = as(org.owner, walkIn.id);
    const create = await gql(server.url, CreatePatient, { input: { firstName: "A", lastName: "B" } }, headers);
    expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const newOrg = await gql(
      server.url,
      CreateOrganization,
      { input: { name: "X", slug: `x-${Date.now()}` } },
      headers,
    );
    expect(newOrg.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await v1(server.url, "GET", "/v1/audit-log", headers)).status).toBe(403);
  });
});

describe("who cannot impersonate, and whom", () => {
  it.each(["patient", "staff", "specialist"] as const)("a %s member is refused with 403", async (role) => {
    const member = await server.addMember(org, role);
    const graphqlResult = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", ...as(member.headers, walkIn.id) },
      body: JSON.stringify({ query: Me.toString() }),
    });
    expect(graphqlResult.status).toBe(403);
    expect(
      ((await graphqlResult.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe("FORBIDDEN");
    const rest = await v1(server.url, "GET", "/v1/patients", as(member.headers, walkIn.id));
    expect(rest.status).toBe(403);
    expect(rest.headers.get("x-impersonated-patient")).toBeNull();
  });

  it("an API key, even an admin one, is refused with 403", async () => {
    const key = await server.createApiKey(org, "admin");
    const rest = await v1(server.url, "GET", "/v1/patients", as({ "x-api-key": key.key }, walkIn.id));
    expect(rest.status).toBe(403);
  });

  it("another organization's patient and an archived patient are not found (404), a malformed id is 400", async () => {
    const other = await server.createOrganization();
    const theirs = await createPatient(server.url, other);
    expect((await v1(server.url, "GET", "/v1/me", as(org.owner, theirs.id))).status).toBe(404);
    // The other organization's owner may act as them: only in their own organization.
    expect((await v1(server.url, "GET", "/v1/me", as(other.owner, theirs.id))).status).toBe(200);

    const archived = await createPatient(server.url, org, { firstName: "Archived" });
    expect((await v1(server.url, "DELETE", `/v1/patients/${archived.id}`, org.owner)).status).toBe(204);
    expect((await v1(server.url, "GET", "/v1/me", as(org.owner, archived.id))).status).toBe(404);

    expect((await v1(server.url, "GET", "/v1/me", as(org.owner, "not-an-id"))).status).toBe(400);
    expect((await v1(server.url, "GET", "/v1/me", as(org.owner, admin.userId))).status).toBe(400);
  });

  it("a refused request changes nothing", async () => {
    const patient = await createPatient(server.url, org, { firstName: "Untouched" });
    const staff = await server.addMember(org, "staff");
    const rest = await v1(
      server.url,
      "POST",
      `/v1/patients/${patient.id}/onboarding-steps`,
      as(staff.headers, patient.id),
      {
        step: "consent",
      },
    );
    expect(rest.status).toBe(403);
    const row = await server.services.adminDb.patient.findUniqueOrThrow({ where: { id: uuidOf(patient.id) } });
    expect(row.onboardingSteps).toEqual([]);
  });
});
