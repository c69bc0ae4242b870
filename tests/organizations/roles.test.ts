import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { asApiKey, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { type GraphQLResponse, gql, gqlData } from "../support/graphql.js";
import {
  CreateApiKey,
  CreateOrganization,
  DeleteOrganization,
  InviteMember,
  MeWithMemberships,
  RemoveMember,
  RevokeApiKey,
  RevokeInvitation,
  SwitchOrganization,
  UpdateMemberRole,
  UpdateOrganization,
  UpsertIntegration,
} from "../support/organization-documents.js";
import { useTestServer } from "../support/server.js";

type Role = "owner" | "admin" | "specialist" | "staff" | "patient";

const Snapshot = graphql(`
  query RolesSnapshot($id: ID!) {
    organization(id: $id) {
      id name slug timezone locale settings updatedAt
      members(first: 50) { edges { node { id role user { id } } } }
      invitations(first: 50) { edges { node { id email role } } }
      apiKeys(first: 50) { edges { node { id name role revokedAt } } }
      integrations(first: 50) { edges { node { id provider config secretHints updatedAt } } }
    }
    auditLog(first: 100) { edges { node { id action } } }
  }
`);

const OrganizationName = graphql(`
  query RolesOrganizationName($id: ID!) { organization(id: $id) { id name } }
`);

const Members = graphql(`
  query RolesMembers($id: ID!) { organization(id: $id) { id members(first: 50) { edges { node { id role } } } } }
`);

const Invitations = graphql(`
  query RolesInvitations($id: ID!) { organization(id: $id) { id invitations(first: 50) { edges { node { id } } } } }
`);

const ApiKeys = graphql(`
  query RolesApiKeys($id: ID!) { organization(id: $id) { id apiKeys(first: 50) { edges { node { id } } } } }
`);

const Integrations = graphql(`
  query RolesIntegrations($id: ID!) { organization(id: $id) { id integrations(first: 50) { edges { node { id } } } } }
`);

const OrganizationBySlug = graphql(`
  query RolesOrganizationBySlug($slug: String!) { organizationBySlug(slug: $slug) { id } }
`);

const Organizations = graphql(`
  query RolesOrganizations { organizations(first: 10) { edges { node { id } } } }
`);

const AuditLog = graphql(`
  query RolesAuditLog { auditLog(first: 100) { edges { node { id action entityType } } } }
`);

const server = useTestServer();

interface Member {
  headers: Headers;
  membershipId: string;
}

/** The organization most tests act in: its owner, one member of every other role, a key, an integration, an invitation. */
let o: TestOrganization;
let members: Record<Role, Member>;
let staffKey: { key: string; id: string };
let adminKey: { key: string; id: string };
let pendingInvitation: string;

const snapshotOf = (org: TestOrganization) => gqlData(server.url, Snapshot, { id: org.id }, org.owner);
let oBefore: Awaited<ReturnType<typeof snapshotOf>>;

async function expectOUnchanged() {
  expect(await snapshotOf(o)).toEqual(oBefore);
}

async function membershipIn(headers: Headers, organizationId: string) {
  const me = await gqlData(server.url, MeWithMemberships, undefined, headers);
  const membership = me.me.memberships.edges.find((e) => e.node.organization.id === organizationId)?.node;
  if (!membership) throw new Error("no membership");
  return membership.id;
}

/** A GraphQL error (not a typed result) with this code: the scope check refused the field. */
function expectRefused(result: GraphQLResponse<unknown>, code: "FORBIDDEN" | "UNAUTHENTICATED") {
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual([code]);
}

async function v1(method: string, path: string, headers: Headers, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body ? { "content-type": "application/json" } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  return { status: response.status, body: response.status === 204 ? null : await response.json() };
}

beforeAll(async () => {
  o = await server.createOrganization("O");
  const owner = { headers: o.owner, membershipId: await membershipIn(o.owner, o.id) };
  const [admin, specialist, staff, patient] = await Promise.all([
    server.addMember(o, "admin"),
    server.addMember(o, "specialist"),
    server.addMember(o, "staff"),
    server.addMember(o, "patient"),
  ]);
  members = { owner, admin, specialist, staff, patient } as Record<Role, Member>;
  staffKey = await server.createApiKey(o, "staff");
  adminKey = await server.createApiKey(o, "admin");
  const integration = await gqlData(
    server.url,
    UpsertIntegration,
    { input: { organizationId: o.id, provider: "daily", secrets: { apiKey: "o-secret-1234" } } },
    o.owner,
  );
  expect(integration.upsertIntegration.__typename).toBe("MutationUpsertIntegrationSuccess");
  const pending = await gqlData(
    server.url,
    InviteMember,
    { input: { organizationId: o.id, email: `${unique("pending")}@example.com`, role: "staff" } },
    o.owner,
  );
  if (pending.inviteMember.__typename !== "MutationInviteMemberSuccess") throw new Error("invitation failed");
  pendingInvitation = pending.inviteMember.data.id;
  oBefore = await snapshotOf(o);
  expect(oBefore.organization?.members.edges).toHaveLength(5);
  expect(oBefore.organization?.invitations.edges).toHaveLength(1);
  expect(oBefore.organization?.apiKeys.edges).toHaveLength(2);
  expect(oBefore.organization?.integrations.edges).toHaveLength(1);
});

/** Manager-only operations, each tried by a caller who must be refused. */
const managerOperations: Record<string, (headers: Headers) => Promise<GraphQLResponse<unknown>>> = {
  inviteMember: (h) =>
    gql(
      server.url,
      InviteMember,
      { input: { organizationId: o.id, email: `${unique("x")}@example.com`, role: "staff" } },
      h,
    ),
  revokeInvitation: (h) => gql(server.url, RevokeInvitation, { id: pendingInvitation }, h),
  updateMemberRole: (h) =>
    gql(server.url, UpdateMemberRole, { membershipId: members.patient.membershipId, role: "staff" }, h),
  removeMember: (h) => gql(server.url, RemoveMember, { membershipId: members.patient.membershipId }, h),
  createApiKey: (h) =>
    gql(server.url, CreateApiKey, { input: { organizationId: o.id, name: "mine", role: "staff" } }, h),
  revokeApiKey: (h) => gql(server.url, RevokeApiKey, { id: adminKey.id }, h),
  upsertIntegration: (h) =>
    gql(
      server.url,
      UpsertIntegration,
      { input: { organizationId: o.id, provider: "daily", secrets: { apiKey: "replaced-1234" } } },
      h,
    ),
  auditLog: (h) => gql(server.url, AuditLog, undefined, h),
};

/** An organization's sub-resource lists, read through `organization(id)`. */
const lists = {
  members: (h: Headers) => gql(server.url, Members, { id: o.id }, h),
  invitations: (h: Headers) => gql(server.url, Invitations, { id: o.id }, h),
  apiKeys: (h: Headers) => gql(server.url, ApiKeys, { id: o.id }, h),
  integrations: (h: Headers) => gql(server.url, Integrations, { id: o.id }, h),
};

describe("specialists and staff are not managers", () => {
  const cases = (["specialist", "staff"] as const).flatMap((role) =>
    Object.keys(managerOperations).map((operation) => [role, operation] as const),
  );

  it.each(cases)("a %s cannot %s (FORBIDDEN, nothing changes)", async (role, operation) => {
    const result = await managerOperations[operation]?.(members[role].headers);
    if (!result) throw new Error(`no operation ${operation}`);
    expectRefused(result, "FORBIDDEN");
    expect(result.data ?? null).toBeNull();
    await expectOUnchanged();
  });

  it.each(["specialist", "staff"] as const)(
    "a %s lists members but not invitations, API keys or integrations",
    async (role) => {
      const { headers } = members[role];
      const listed = await gqlData(server.url, Members, { id: o.id }, headers);
      expect(listed.organization?.members.edges.map((e) => e.node.id).sort()).toEqual(
        Object.values(members)
          .map((m) => m.membershipId)
          .sort(),
      );
      for (const field of ["invitations", "apiKeys", "integrations"] as const) {
        const result = await lists[field](headers);
        expect({ field, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({
          field,
          codes: ["FORBIDDEN"],
        });
        expect(result.data).toEqual({ organization: null });
      }
    },
  );

  it.each(["specialist", "staff"] as const)("a %s gets 403 from the /v1 management routes", async (role) => {
    const { headers } = members[role];
    const routes: [string, string, unknown?][] = [
      ["POST", `/v1/organizations/${o.id}/members`, { email: "x@example.com", role: "staff" }],
      ["PATCH", `/v1/organizations/${o.id}/members/${members.patient.membershipId}`, { role: "staff" }],
      ["DELETE", `/v1/organizations/${o.id}/members/${members.patient.membershipId}`],
      ["GET", `/v1/organizations/${o.id}/invitations`],
      ["GET", `/v1/organizations/${o.id}/api-keys`],
      ["POST", `/v1/organizations/${o.id}/api-keys`, { name: "mine", role: "staff" }],
      ["GET", `/v1/organizations/${o.id}/integrations`],
      ["PUT", `/v1/organizations/${o.id}/integrations/daily`, { secrets: { apiKey: "replaced-1234" } }],
      ["GET", "/v1/audit-log"],
    ];
    for (const [method, path, body] of routes) {
      const response = await v1(method, path, headers, body);
      expect({ method, path, ...response }).toEqual({
        method,
        path,
        status: 403,
        body: { error: { code: "FORBIDDEN", message: expect.any(String) } },
      });
    }
    expect((await v1("GET", `/v1/organizations/${o.id}/members`, headers)).status).toBe(200);
    await expectOUnchanged();
  });
});

describe("patients", () => {
  it.each(["members", "invitations", "apiKeys", "integrations"] as const)(
    "a patient cannot list %s (FORBIDDEN)",
    async (field) => {
      const result = await lists[field](members.patient.headers);
      expectRefused(result, "FORBIDDEN");
      expect(result.errors?.[0]?.path).toEqual(["organization", field]);
      expect(result.data).toEqual({ organization: null });
      // The organization itself is readable, so the refusal is the field's.
      expect(await gqlData(server.url, OrganizationName, { id: o.id }, members.patient.headers)).toEqual({
        organization: { id: o.id, name: "O" },
      });
    },
  );

  it("a patient cannot read the audit log (FORBIDDEN)", async () => {
    const result = await gql(server.url, AuditLog, undefined, members.patient.headers);
    expectRefused(result, "FORBIDDEN");
    expect(result.data ?? null).toBeNull();
  });

  it("a patient gets 403 from the /v1 list routes", async () => {
    for (const path of [
      `/v1/organizations/${o.id}/members`,
      `/v1/organizations/${o.id}/invitations`,
      `/v1/organizations/${o.id}/api-keys`,
      `/v1/organizations/${o.id}/integrations`,
      "/v1/audit-log",
    ]) {
      const response = await v1("GET", path, members.patient.headers);
      expect({ path, ...response }).toEqual({
        path,
        status: 403,
        body: { error: { code: "FORBIDDEN", message: expect.any(String) } },
      });
    }
  });
});

describe("admins", () => {
  const forbidden = { __typename: "ForbiddenError", code: "FORBIDDEN", message: expect.any(String) };

  it("an admin cannot invite someone as owner (ForbiddenError)", async () => {
    const result = await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: o.id, email: `${unique("owner")}@example.com`, role: "owner" } },
      members.admin.headers,
    );
    expect(result.inviteMember).toEqual(forbidden);
    await expectOUnchanged();
  });

  it("an admin cannot promote a member to owner (ForbiddenError)", async () => {
    const result = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: members.staff.membershipId, role: "owner" },
      members.admin.headers,
    );
    expect(result.updateMemberRole).toEqual(forbidden);
    await expectOUnchanged();
  });

  it("an admin cannot demote an owner (ForbiddenError)", async () => {
    const result = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: members.owner.membershipId, role: "admin" },
      members.admin.headers,
    );
    expect(result.updateMemberRole).toEqual(forbidden);
    await expectOUnchanged();
  });

  it("an admin cannot remove an owner (ForbiddenError; /v1 403)", async () => {
    const result = await gqlData(
      server.url,
      RemoveMember,
      { membershipId: members.owner.membershipId },
      members.admin.headers,
    );
    expect(result.removeMember).toEqual(forbidden);
    const response = await v1(
      "DELETE",
      `/v1/organizations/${o.id}/members/${members.owner.membershipId}`,
      members.admin.headers,
    );
    expect(response).toEqual({ status: 403, body: { error: { code: "FORBIDDEN", message: expect.any(String) } } });
    await expectOUnchanged();
  });

  it("an admin cannot delete the organization (FORBIDDEN); its owner can", async () => {
    const result = await gql(server.url, DeleteOrganization, { id: o.id }, members.admin.headers);
    expectRefused(result, "FORBIDDEN");
    expect((await v1("DELETE", `/v1/organizations/${o.id}`, members.admin.headers)).status).toBe(403);
    await expectOUnchanged();

    const doomed = await server.createOrganization("Doomed");
    const doomedAdmin = await server.addMember(doomed, "admin");
    expectRefused(await gql(server.url, DeleteOrganization, { id: doomed.id }, doomedAdmin.headers), "FORBIDDEN");
    const deleted = await gqlData(server.url, DeleteOrganization, { id: doomed.id }, doomed.owner);
    expect(deleted.deleteOrganization).toEqual({
      __typename: "MutationDeleteOrganizationSuccess",
      data: { id: doomed.id, slug: doomed.slug },
    });
    expect(await gqlData(server.url, OrganizationName, { id: doomed.id }, doomed.owner)).toEqual({
      organization: null,
    });
  });

  it("an admin does manage non-owner members, API keys and integrations, and reads the audit log", async () => {
    const p = await server.createOrganization("P");
    const admin = await server.addMember(p, "admin");
    const newcomer = await server.addMember(p, "staff", admin.headers);
    const promoted = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: newcomer.membershipId, role: "specialist" },
      admin.headers,
    );
    expect(promoted.updateMemberRole).toMatchObject({ data: { id: newcomer.membershipId, role: "specialist" } });
    const removed = await gqlData(server.url, RemoveMember, { membershipId: newcomer.membershipId }, admin.headers);
    expect(removed.removeMember).toMatchObject({ data: { id: newcomer.membershipId } });
    const key = await gqlData(
      server.url,
      CreateApiKey,
      { input: { organizationId: p.id, name: "by admin", role: "staff" } },
      admin.headers,
    );
    expect(key.createApiKey.__typename).toBe("MutationCreateApiKeySuccess");
    const integration = await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: p.id, provider: "daily", secrets: { apiKey: "p-secret-1234" } } },
      admin.headers,
    );
    expect(integration.upsertIntegration.__typename).toBe("MutationUpsertIntegrationSuccess");
    const audit = await gqlData(server.url, AuditLog, undefined, admin.headers);
    expect(audit.auditLog.edges.map((e) => e.node.action)).toEqual(
      expect.arrayContaining(["membership.update", "membership.delete", "api_key.create", "integration.create"]),
    );
  });
});

describe("owners", () => {
  const conflict = { __typename: "ConflictError", code: "CONFLICT", message: expect.any(String) };

  it("the last owner can be neither removed nor demoted (ConflictError; /v1 409)", async () => {
    const own = members.owner.membershipId;
    const removed = await gqlData(server.url, RemoveMember, { membershipId: own }, o.owner);
    expect(removed.removeMember).toEqual(conflict);
    for (const role of ["admin", "patient"] as const) {
      const demoted = await gqlData(server.url, UpdateMemberRole, { membershipId: own, role }, o.owner);
      expect(demoted.updateMemberRole).toEqual(conflict);
    }
    const response = await v1("PATCH", `/v1/organizations/${o.id}/members/${own}`, o.owner, { role: "staff" });
    expect(response).toEqual({ status: 409, body: { error: { code: "CONFLICT", message: expect.any(String) } } });
    expect((await v1("DELETE", `/v1/organizations/${o.id}/members/${own}`, o.owner)).status).toBe(409);
    await expectOUnchanged();
  });

  it("with a second owner, an owner can be demoted and an owner removed, until one is left", async () => {
    const q = await server.createOrganization("Q");
    const first = await membershipIn(q.owner, q.id);
    const second = await server.addMember(q, "owner");

    const demoted = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: second.membershipId, role: "admin" },
      q.owner,
    );
    expect(demoted.updateMemberRole).toMatchObject({ data: { id: second.membershipId, role: "admin" } });
    // The first is the last owner again.
    const refused = await gqlData(server.url, UpdateMemberRole, { membershipId: first, role: "admin" }, q.owner);
    expect(refused.updateMemberRole).toEqual(conflict);

    const promoted = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: second.membershipId, role: "owner" },
      q.owner,
    );
    expect(promoted.updateMemberRole).toMatchObject({ data: { id: second.membershipId, role: "owner" } });
    const removed = await gqlData(server.url, RemoveMember, { membershipId: first }, second.headers);
    expect(removed.removeMember).toMatchObject({ __typename: "MutationRemoveMemberSuccess", data: { id: first } });

    // Now the second is the last owner.
    const lastRemoved = await gqlData(server.url, RemoveMember, { membershipId: second.membershipId }, second.headers);
    expect(lastRemoved.removeMember).toEqual(conflict);
    const lastDemoted = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: second.membershipId, role: "admin" },
      second.headers,
    );
    expect(lastDemoted.updateMemberRole).toEqual(conflict);
    const remaining = await gqlData(server.url, Members, { id: q.id }, second.headers);
    expect(remaining.organization?.members.edges.map((e) => e.node)).toEqual([
      { id: second.membershipId, role: "owner" },
    ]);
  });
});

describe("API keys", () => {
  it("an API key with role staff cannot create API keys (FORBIDDEN; /v1 403)", async () => {
    const headers = asApiKey(staffKey.key);
    expect((await gqlData(server.url, MeWithMemberships, undefined, headers)).me.role).toBe("staff");
    const result = await gql(
      server.url,
      CreateApiKey,
      { input: { organizationId: o.id, name: "escalate", role: "admin" } },
      headers,
    );
    expectRefused(result, "FORBIDDEN");
    expect(result.data ?? null).toBeNull();
    const response = await v1("POST", `/v1/organizations/${o.id}/api-keys`, headers, {
      name: "escalate",
      role: "staff",
    });
    expect(response).toEqual({ status: 403, body: { error: { code: "FORBIDDEN", message: expect.any(String) } } });
    await expectOUnchanged();
  });

  it("an API key with role admin cannot create API keys either: keys are made by signed-in managers", async () => {
    const result = await gql(
      server.url,
      CreateApiKey,
      { input: { organizationId: o.id, name: "escalate", role: "admin" } },
      asApiKey(adminKey.key),
    );
    expectRefused(result, "FORBIDDEN");
    await expectOUnchanged();
  });

  it("an API key with role staff cannot manage members or integrations, or read the audit log", async () => {
    for (const operation of ["inviteMember", "removeMember", "upsertIntegration", "auditLog"]) {
      const result = await managerOperations[operation]?.(asApiKey(staffKey.key));
      if (!result) throw new Error(`no operation ${operation}`);
      expect({ operation, codes: result.errors?.map((e) => e.extensions?.code) }).toEqual({
        operation,
        codes: ["FORBIDDEN"],
      });
    }
    await expectOUnchanged();
  });
});

describe("anonymous callers", () => {
  const operations: Record<string, () => Promise<GraphQLResponse<unknown>>> = {
    me: () => gql(server.url, MeWithMemberships),
    organizations: () => gql(server.url, Organizations),
    organization: () => gql(server.url, OrganizationName, { id: o.id }),
    organizationBySlug: () => gql(server.url, OrganizationBySlug, { slug: o.slug }),
    auditLog: () => gql(server.url, AuditLog),
    createOrganization: () => gql(server.url, CreateOrganization, { input: { name: "Anon", slug: unique("anon") } }),
    updateOrganization: () => gql(server.url, UpdateOrganization, { id: o.id, input: { name: "Anon" } }),
    deleteOrganization: () => gql(server.url, DeleteOrganization, { id: o.id }),
    switchOrganization: () => gql(server.url, SwitchOrganization, { organizationId: o.id }),
    inviteMember: () => managerOperations.inviteMember?.({}) as Promise<GraphQLResponse<unknown>>,
    revokeInvitation: () => managerOperations.revokeInvitation?.({}) as Promise<GraphQLResponse<unknown>>,
    updateMemberRole: () => managerOperations.updateMemberRole?.({}) as Promise<GraphQLResponse<unknown>>,
    removeMember: () => managerOperations.removeMember?.({}) as Promise<GraphQLResponse<unknown>>,
    createApiKey: () => managerOperations.createApiKey?.({}) as Promise<GraphQLResponse<unknown>>,
    revokeApiKey: () => managerOperations.revokeApiKey?.({}) as Promise<GraphQLResponse<unknown>>,
    upsertIntegration: () => managerOperations.upsertIntegration?.({}) as Promise<GraphQLResponse<unknown>>,
  };

  it.each(Object.keys(operations))("%s answers UNAUTHENTICATED", async (name) => {
    const result = await operations[name]?.();
    if (!result) throw new Error(`no operation ${name}`);
    expectRefused(result, "UNAUTHENTICATED");
    expect(Object.values(result.data ?? {}).filter((value) => value !== null)).toEqual([]);
    await expectOUnchanged();
  });

  it("every /v1 route of organizations, me and the audit log answers 401", async () => {
    const routes: [string, string, unknown?][] = [
      ["GET", "/v1/me"],
      ["POST", "/v1/me/switch-organization", { organizationId: o.id }],
      ["GET", "/v1/organizations"],
      ["POST", "/v1/organizations", { name: "Anon", slug: unique("anon") }],
      ["GET", `/v1/organizations/by-slug/${o.slug}`],
      ["GET", `/v1/organizations/${o.id}`],
      ["PATCH", `/v1/organizations/${o.id}`, { name: "Anon" }],
      ["DELETE", `/v1/organizations/${o.id}`],
      ["GET", `/v1/organizations/${o.id}/members`],
      ["POST", `/v1/organizations/${o.id}/members`, { email: "anon@example.com", role: "owner" }],
      ["PATCH", `/v1/organizations/${o.id}/members/${members.owner.membershipId}`, { role: "patient" }],
      ["DELETE", `/v1/organizations/${o.id}/members/${members.patient.membershipId}`],
      ["GET", `/v1/organizations/${o.id}/invitations`],
      ["DELETE", `/v1/organizations/${o.id}/invitations/${pendingInvitation}`],
      ["GET", `/v1/organizations/${o.id}/api-keys`],
      ["POST", `/v1/organizations/${o.id}/api-keys`, { name: "anon", role: "admin" }],
      ["DELETE", `/v1/organizations/${o.id}/api-keys/${adminKey.id}`],
      ["GET", `/v1/organizations/${o.id}/integrations`],
      ["PUT", `/v1/organizations/${o.id}/integrations/daily`, { secrets: { apiKey: "anon-12345678" } }],
      ["GET", "/v1/audit-log"],
    ];
    for (const [method, path, body] of routes) {
      const response = await v1(method, path, {}, body);
      expect({ method, path, ...response }).toEqual({
        method,
        path,
        status: 401,
        body: { error: { code: "UNAUTHENTICATED", message: expect.any(String) } },
      });
    }
    await expectOUnchanged();
  });
});
