import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { asApiKey, asUser, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import {
  CreateApiKey,
  CreateOrganization,
  DeleteOrganization,
  InviteMember,
  RemoveMember,
  RevokeApiKey,
  RevokeInvitation,
  SwitchOrganization,
  UpdateMemberRole,
  UpdateOrganization,
  UpsertIntegration,
} from "../support/organization-documents.js";
import { useTestServer } from "../support/server.js";

const Snapshot = graphql(`
  query CrossTenantSnapshot($id: ID!) {
    me { role activeOrganization { id } }
    organization(id: $id) {
      id name slug timezone locale settings updatedAt
      members(first: 50) { edges { node { id role user { id email } } } }
      invitations(first: 50) { edges { node { id email role expiresAt } } }
      apiKeys(first: 50) { edges { node { id name role revokedAt expiresAt } } }
      integrations(first: 50) { edges { node { id provider config secretHints updatedAt } } }
    }
    auditLog(first: 100) { edges { node { id action entityType entityId } } }
  }
`);

const Me = graphql(`
  query CrossTenantMe {
    me {
      kind
      role
      user { id }
      activeOrganization { id }
      memberships(first: 50) { edges { node { id role organization { id } } } }
    }
  }
`);

const OrganizationById = graphql(`
  query CrossTenantOrganization($id: ID!) { organization(id: $id) { id slug } }
`);

const OrganizationWithChildren = graphql(`
  query CrossTenantOrganizationChildren($id: ID!) {
    organization(id: $id) {
      id
      members(first: 50) { edges { node { id role user { id email } } } }
      invitations(first: 50) { edges { node { id email } } }
      apiKeys(first: 50) { edges { node { id name } } }
      integrations(first: 50) { edges { node { id provider secretHints } } }
    }
  }
`);

const OrganizationBySlug = graphql(`
  query CrossTenantOrganizationBySlug($slug: String!) { organizationBySlug(slug: $slug) { id slug } }
`);

const Node = graphql(`
  query CrossTenantNode($id: ID!) {
    node(id: $id) {
      __typename
      id
      ... on Organization { members(first: 50) { edges { node { id } } } }
    }
  }
`);

const Nodes = graphql(`
  query CrossTenantNodes($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }
`);

const Organizations = graphql(`
  query CrossTenantOrganizations { organizations(first: 50) { edges { node { id slug } } } }
`);

const AuditLog = graphql(`
  query CrossTenantAuditLog($filter: AuditLogFilter) {
    auditLog(first: 100, filter: $filter) { edges { node { id action entityType entityId } } }
  }
`);

const server = useTestServer();
let a: TestOrganization;
let b: TestOrganization;
/** An admin API key of A. */
let aKey: { key: string; id: string };
/** Every id of B's that a caller could name. */
let bIds: {
  organization: string;
  ownerUser: string;
  ownerMembership: string;
  staffMembership: string;
  invitation: string;
  apiKey: string;
  integration: string;
  auditEntry: string;
};
let bApiKey: string;
/** A's own ids, to show the same calls do answer for A. */
let aIds: { ownerMembership: string; apiKey: string };

/** Everything of B that its owner can see: organization, members, invitations, keys, integrations, audit trail. */
const snapshotOfB = () => gqlData(server.url, Snapshot, { id: b.id }, b.owner);
let bBefore: Awaited<ReturnType<typeof snapshotOfB>>;

async function expectBUnchanged() {
  expect(await snapshotOfB()).toEqual(bBefore);
}

/** Joins an organization the way a person does: the owner invites their email, their first request accepts it. */
async function invitedMember(org: TestOrganization, role: "admin" | "specialist" | "staff" | "patient") {
  const sub = unique(`user_${role}`);
  const email = `${sub}@example.com`;
  const invited = await gqlData(
    server.url,
    InviteMember,
    { input: { organizationId: org.id, email, role } },
    org.owner,
  );
  expect(invited.inviteMember.__typename).toBe("MutationInviteMemberSuccess");
  const headers = asUser(sub, { email });
  const me = await gqlData(server.url, Me, undefined, headers);
  expect(me.me).toMatchObject({ role, activeOrganization: { id: org.id } });
  const membership = me.me.memberships.edges.find((e) => e.node.organization.id === org.id)?.node;
  if (!membership) throw new Error("the invitation did not become a membership");
  return { headers, membershipId: membership.id, userId: me.me.user?.id as string };
}

async function ownMembership(headers: Headers, organizationId: string) {
  const me = await gqlData(server.url, Me, undefined, headers);
  const membership = me.me.memberships.edges.find((e) => e.node.organization.id === organizationId)?.node;
  if (!membership || !me.me.user) throw new Error("no membership");
  return { membershipId: membership.id, userId: me.me.user.id };
}

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);

  aKey = await server.createApiKey(a, "admin");
  aIds = { ownerMembership: (await ownMembership(a.owner, a.id)).membershipId, apiKey: aKey.id };

  // B gets one of everything: a second member, a pending invitation, an API key and an integration.
  const bOwner = await ownMembership(b.owner, b.id);
  const bStaff = await invitedMember(b, "staff");
  const pending = await gqlData(
    server.url,
    InviteMember,
    { input: { organizationId: b.id, email: `${unique("pending")}@example.com`, role: "specialist" } },
    b.owner,
  );
  if (pending.inviteMember.__typename !== "MutationInviteMemberSuccess") throw new Error("invitation failed");
  const bKey = await server.createApiKey(b, "admin");
  bApiKey = bKey.key;
  const integration = await gqlData(
    server.url,
    UpsertIntegration,
    {
      input: { organizationId: b.id, provider: "daily", config: { domain: "b" }, secrets: { apiKey: "b-secret-1234" } },
    },
    b.owner,
  );
  if (integration.upsertIntegration.__typename !== "MutationUpsertIntegrationSuccess")
    throw new Error("integration failed");
  const audit = await gqlData(server.url, AuditLog, {}, b.owner);
  bIds = {
    organization: b.id,
    ownerUser: bOwner.userId,
    ownerMembership: bOwner.membershipId,
    staffMembership: bStaff.membershipId,
    invitation: pending.inviteMember.data.id,
    apiKey: bKey.id,
    integration: integration.upsertIntegration.data.id,
    auditEntry: audit.auditLog.edges[0]?.node.id as string,
  };
  bBefore = await snapshotOfB();
  // The snapshot does hold B's data, so "unchanged" below compares something.
  expect(bBefore.organization?.members.edges).toHaveLength(2);
  expect(bBefore.organization?.invitations.edges).toHaveLength(1);
  expect(bBefore.organization?.apiKeys.edges).toHaveLength(1);
  expect(bBefore.organization?.integrations.edges).toHaveLength(1);
  expect(bBefore.auditLog.edges.length).toBeGreaterThanOrEqual(5);
});

const notFound = (entity: string) => ({ __typename: "NotFoundError", code: "NOT_FOUND", entity });

describe("A's owner reads B's ids through GraphQL", () => {
  it("organization(id) answers null for B, and A for A", async () => {
    expect(await gql(server.url, OrganizationById, { id: b.id }, a.owner)).toEqual({ data: { organization: null } });
    expect(await gqlData(server.url, OrganizationById, { id: a.id }, a.owner)).toEqual({
      organization: { id: a.id, slug: a.slug },
    });
  });

  it("organization(id) with members, invitations, apiKeys and integrations answers null for B, without error", async () => {
    expect(await gql(server.url, OrganizationWithChildren, { id: b.id }, a.owner)).toEqual({
      data: { organization: null },
    });
    const own = await gqlData(server.url, OrganizationWithChildren, { id: a.id }, a.owner);
    expect(own.organization?.members.edges.map((e) => e.node.id)).toEqual([aIds.ownerMembership]);
    expect(own.organization?.apiKeys.edges.map((e) => e.node.id)).toEqual([aIds.apiKey]);
  });

  it("organizationBySlug answers null for B's slug", async () => {
    expect(await gql(server.url, OrganizationBySlug, { slug: b.slug }, a.owner)).toEqual({
      data: { organizationBySlug: null },
    });
    expect(await gqlData(server.url, OrganizationBySlug, { slug: a.slug }, a.owner)).toEqual({
      organizationBySlug: { id: a.id, slug: a.slug },
    });
  });

  it("node answers null for every id of B's (organization, user, memberships, invitation, API key, integration, audit entry)", async () => {
    for (const [kind, id] of Object.entries(bIds)) {
      const result = await gql(server.url, Node, { id }, a.owner);
      expect({ kind, result }).toEqual({ kind, result: { data: { node: null } } });
    }
    const ids = Object.values(bIds);
    expect(await gql(server.url, Nodes, { ids }, a.owner)).toEqual({ data: { nodes: ids.map(() => null) } });
    // The same lookups find A's own objects.
    expect(await gqlData(server.url, Nodes, { ids: [a.id, aIds.apiKey] }, a.owner)).toEqual({
      nodes: [
        { __typename: "Organization", id: a.id },
        { __typename: "ApiKey", id: aIds.apiKey },
      ],
    });
  });

  it("organizations lists A only", async () => {
    const result = await gqlData(server.url, Organizations, undefined, a.owner);
    expect(result.organizations.edges.map((e) => e.node.id)).toEqual([a.id]);
  });

  it("me shows A as the active organization and no membership of B", async () => {
    const result = await gqlData(server.url, Me, undefined, a.owner);
    expect(result.me).toMatchObject({ kind: "user", role: "owner", activeOrganization: { id: a.id } });
    expect(result.me.memberships.edges.map((e) => e.node.organization.id)).toEqual([a.id]);
  });

  it("auditLog holds none of B's entries, even filtered by B's entity ids", async () => {
    const all = await gqlData(server.url, AuditLog, {}, a.owner);
    expect(all.auditLog.edges.length).toBeGreaterThan(0);
    const bUuids = new Set(Object.values(bIds).map(uuidOf));
    const bEntryIds = new Set(bBefore.auditLog.edges.map((e) => e.node.id));
    for (const { node } of all.auditLog.edges) {
      expect(bEntryIds.has(node.id)).toBe(false);
      expect(bUuids.has(node.entityId ?? "")).toBe(false);
    }
    const filter = { entityType: "Organization", entityId: uuidOf(b.id) };
    expect((await gqlData(server.url, AuditLog, { filter }, a.owner)).auditLog.edges).toEqual([]);
    // B's owner, with the same filter, does see the entry.
    const asB = await gqlData(server.url, AuditLog, { filter }, b.owner);
    expect(asB.auditLog.edges.map((e) => e.node.action)).toContain("organization.create");
  });
});

describe("A's owner writes with B's ids through GraphQL: NotFoundError, and B is unchanged", () => {
  it("updateOrganization", async () => {
    const result = await gqlData(
      server.url,
      UpdateOrganization,
      { id: b.id, input: { name: "Taken over", slug: unique("taken"), settings: { cancellationNoticeHours: 1 } } },
      a.owner,
    );
    expect(result.updateOrganization).toMatchObject(notFound("Organization"));
    await expectBUnchanged();
  });

  it("deleteOrganization", async () => {
    const result = await gqlData(server.url, DeleteOrganization, { id: b.id }, a.owner);
    expect(result.deleteOrganization).toMatchObject(notFound("Organization"));
    await expectBUnchanged();
  });

  it("switchOrganization, leaving A's owner in A", async () => {
    const result = await gqlData(server.url, SwitchOrganization, { organizationId: b.id }, a.owner);
    expect(result.switchOrganization).toMatchObject(notFound("Organization"));
    const me = await gqlData(server.url, Me, undefined, a.owner);
    expect(me.me).toMatchObject({ role: "owner", activeOrganization: { id: a.id } });
    await expectBUnchanged();
  });

  it("inviteMember", async () => {
    for (const role of ["staff", "owner"] as const) {
      const email = `${unique("intruder")}@example.com`;
      const result = await gqlData(server.url, InviteMember, { input: { organizationId: b.id, email, role } }, a.owner);
      expect(result.inviteMember).toMatchObject(notFound("Organization"));
    }
    await expectBUnchanged();
  });

  it("revokeInvitation", async () => {
    const result = await gqlData(server.url, RevokeInvitation, { id: bIds.invitation }, a.owner);
    expect(result.revokeInvitation).toMatchObject(notFound("Invitation"));
    await expectBUnchanged();
  });

  it("updateMemberRole, on B's owner and on B's staff member", async () => {
    for (const [membershipId, role] of [
      [bIds.ownerMembership, "patient"],
      [bIds.staffMembership, "owner"],
      [bIds.staffMembership, "admin"],
    ] as const) {
      const result = await gqlData(server.url, UpdateMemberRole, { membershipId, role }, a.owner);
      expect(result.updateMemberRole).toMatchObject(notFound("Membership"));
    }
    await expectBUnchanged();
  });

  it("removeMember, on B's owner and on B's staff member", async () => {
    for (const membershipId of [bIds.ownerMembership, bIds.staffMembership]) {
      const result = await gqlData(server.url, RemoveMember, { membershipId }, a.owner);
      expect(result.removeMember).toMatchObject(notFound("Membership"));
    }
    await expectBUnchanged();
  });

  it("createApiKey", async () => {
    const result = await gqlData(
      server.url,
      CreateApiKey,
      { input: { organizationId: b.id, name: "backdoor", role: "admin" } },
      a.owner,
    );
    expect(result.createApiKey).toMatchObject(notFound("Organization"));
    await expectBUnchanged();
  });

  it("revokeApiKey, and B's key still works", async () => {
    const result = await gqlData(server.url, RevokeApiKey, { id: bIds.apiKey }, a.owner);
    expect(result.revokeApiKey).toMatchObject(notFound("ApiKey"));
    const withKey = await gqlData(server.url, Me, undefined, asApiKey(bApiKey));
    expect(withKey.me).toMatchObject({ kind: "apiKey", activeOrganization: { id: b.id } });
    await expectBUnchanged();
  });

  it("upsertIntegration, replacing B's provider or adding another", async () => {
    for (const input of [
      {
        organizationId: b.id,
        provider: "daily" as const,
        config: { domain: "evil" },
        secrets: { apiKey: "evil-1234567" },
      },
      { organizationId: b.id, provider: "daily" as const, config: {} },
      {
        organizationId: b.id,
        provider: "s3" as const,
        config: { bucket: "evil-bucket", region: "eu-west-1" },
        secrets: { accessKeyId: "AKIAEVIL0000", secretAccessKey: "evil-secret-key" },
      },
    ]) {
      const result = await gqlData(server.url, UpsertIntegration, { input }, a.owner);
      expect(result.upsertIntegration).toMatchObject(notFound("Organization"));
    }
    await expectBUnchanged();
  });
});

describe("A's API key against B", () => {
  it("sees nothing of B: organization, slug, nodes, organizations, me, audit log, /v1", async () => {
    const key = asApiKey(aKey.key);
    expect(await gql(server.url, OrganizationWithChildren, { id: b.id }, key)).toEqual({
      data: { organization: null },
    });
    expect(await gql(server.url, OrganizationBySlug, { slug: b.slug }, key)).toEqual({
      data: { organizationBySlug: null },
    });
    const ids = Object.values(bIds);
    expect(await gql(server.url, Nodes, { ids }, key)).toEqual({ data: { nodes: ids.map(() => null) } });
    const organizations = await gqlData(server.url, Organizations, undefined, key);
    expect(organizations.organizations.edges.map((e) => e.node.id)).toEqual([a.id]);
    const me = await gqlData(server.url, Me, undefined, key);
    expect(me.me).toMatchObject({ kind: "apiKey", role: "admin", activeOrganization: { id: a.id } });
    const audit = await gqlData(server.url, AuditLog, {}, key);
    const bEntryIds = new Set(bBefore.auditLog.edges.map((e) => e.node.id));
    expect(audit.auditLog.edges.length).toBeGreaterThan(0);
    expect(audit.auditLog.edges.filter((e) => bEntryIds.has(e.node.id))).toEqual([]);
    for (const path of [`/v1/organizations/${b.id}`, `/v1/organizations/by-slug/${b.slug}`]) {
      const response = await fetch(`${server.url}${path}`, { headers: key });
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
    // The key does read its own organization.
    expect(await gqlData(server.url, OrganizationById, { id: a.id }, key)).toEqual({
      organization: { id: a.id, slug: a.slug },
    });
  });

  it("changes nothing of B: every mutation with B's ids fails", async () => {
    const key = asApiKey(aKey.key);
    const results = {
      updateOrganization: (await gqlData(server.url, UpdateOrganization, { id: b.id, input: { name: "X" } }, key))
        .updateOrganization,
      inviteMember: (
        await gqlData(
          server.url,
          InviteMember,
          { input: { organizationId: b.id, email: `${unique("k")}@example.com`, role: "staff" } },
          key,
        )
      ).inviteMember,
      revokeInvitation: (await gqlData(server.url, RevokeInvitation, { id: bIds.invitation }, key)).revokeInvitation,
      updateMemberRole: (
        await gqlData(server.url, UpdateMemberRole, { membershipId: bIds.staffMembership, role: "admin" }, key)
      ).updateMemberRole,
      removeMember: (await gqlData(server.url, RemoveMember, { membershipId: bIds.staffMembership }, key)).removeMember,
      revokeApiKey: (await gqlData(server.url, RevokeApiKey, { id: bIds.apiKey }, key)).revokeApiKey,
      upsertIntegration: (
        await gqlData(
          server.url,
          UpsertIntegration,
          { input: { organizationId: b.id, provider: "daily", secrets: { apiKey: "key-evil-123" } } },
          key,
        )
      ).upsertIntegration,
    };
    expect(results).toMatchObject({
      updateOrganization: notFound("Organization"),
      inviteMember: notFound("Organization"),
      revokeInvitation: notFound("Invitation"),
      updateMemberRole: notFound("Membership"),
      removeMember: notFound("Membership"),
      revokeApiKey: notFound("ApiKey"),
      upsertIntegration: notFound("Organization"),
    });
    // Deleting, switching and creating keys are not for API keys at all, in any organization.
    const refused = [
      await gql(server.url, DeleteOrganization, { id: b.id }, key),
      await gql(server.url, SwitchOrganization, { organizationId: b.id }, key),
      await gql(server.url, CreateApiKey, { input: { organizationId: b.id, name: "k", role: "admin" } }, key),
    ];
    for (const result of refused) {
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    await expectBUnchanged();
  });
});

describe("/v1 as A's owner with B's ids: 404 NOT_FOUND, and B is unchanged", () => {
  /** Paths name B's ids as `:b`, `:slug`, `:ownerMembership`, ...; they are filled in once B exists. */
  const routes: [method: string, path: string, body?: Record<string, unknown>][] = [
    ["GET", "/v1/organizations/:organization"],
    ["PATCH", "/v1/organizations/:organization", { name: "Taken over" }],
    ["DELETE", "/v1/organizations/:organization"],
    ["GET", "/v1/organizations/by-slug/:slug"],
    ["GET", "/v1/organizations/:organization/members"],
    ["POST", "/v1/organizations/:organization/members", { email: "intruder@example.com", role: "admin" }],
    ["PATCH", "/v1/organizations/:organization/members/:staffMembership", { role: "admin" }],
    ["PATCH", "/v1/organizations/:organization/members/:ownerMembership", { role: "patient" }],
    ["DELETE", "/v1/organizations/:organization/members/:staffMembership"],
    ["DELETE", "/v1/organizations/:organization/members/:ownerMembership"],
    ["GET", "/v1/organizations/:organization/invitations"],
    ["DELETE", "/v1/organizations/:organization/invitations/:invitation"],
    ["GET", "/v1/organizations/:organization/api-keys"],
    ["POST", "/v1/organizations/:organization/api-keys", { name: "backdoor", role: "admin" }],
    ["DELETE", "/v1/organizations/:organization/api-keys/:apiKey"],
    ["GET", "/v1/organizations/:organization/integrations"],
    ["PUT", "/v1/organizations/:organization/integrations/daily", { secrets: { apiKey: "evil-12345678" } }],
    ["POST", "/v1/me/switch-organization", { organizationId: ":organization" }],
  ];
  const fill = (text: string) =>
    text.replace(/:(\w+)/g, (_, name: string) => (name === "slug" ? b.slug : bIds[name as keyof typeof bIds]));

  it.each(routes)("%s %s", async (method, path, body) => {
    const response = await fetch(`${server.url}${fill(path)}`, {
      method,
      headers: { ...a.owner, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? fill(JSON.stringify(body)) : undefined,
    });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
    await expectBUnchanged();
  });

  it("a path naming B but A's own sub-resource answers 404 and leaves A's sub-resource alone", async () => {
    for (const [method, path, body] of [
      ["PATCH", `/v1/organizations/${b.id}/members/${aIds.ownerMembership}`, { role: "admin" }],
      ["DELETE", `/v1/organizations/${b.id}/members/${aIds.ownerMembership}`, undefined],
      ["DELETE", `/v1/organizations/${b.id}/api-keys/${aIds.apiKey}`, undefined],
    ] as const) {
      const response = await fetch(`${server.url}${path}`, {
        method,
        headers: { ...a.owner, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      expect(response.status).toBe(404);
    }
    const me = await gqlData(server.url, Me, undefined, a.owner);
    expect(me.me.role).toBe("owner");
    expect((await fetch(`${server.url}/v1/me`, { headers: asApiKey(aKey.key) })).status).toBe(200);
  });

  it("GET /v1/organizations lists A only", async () => {
    const response = await fetch(`${server.url}/v1/organizations`, { headers: a.owner });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { data: { id: string }[] };
    expect(body.data.map((o) => o.id)).toEqual([a.id]);
  });
});

describe("a member of another organization who acts in their own", () => {
  it("reads no other member, invitation, API key or integration of that organization through organization(id)", async () => {
    // D has one of everything; a person joins D as staff, then creates E, where they act as owner.
    const d = await server.createOrganization("D");
    const dKey = await server.createApiKey(d, "staff");
    const integration = await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: d.id, provider: "daily", secrets: { apiKey: "d-secret-1234" } } },
      d.owner,
    );
    expect(integration.upsertIntegration.__typename).toBe("MutationUpsertIntegrationSuccess");
    const pending = await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: d.id, email: `${unique("pending")}@example.com`, role: "admin" } },
      d.owner,
    );
    expect(pending.inviteMember.__typename).toBe("MutationInviteMemberSuccess");
    const both = await invitedMember(d, "staff");
    const e = await gqlData(
      server.url,
      CreateOrganization,
      { input: { name: "E", slug: unique("org") } },
      both.headers,
    );
    expect(e.createOrganization.__typename).toBe("MutationCreateOrganizationSuccess");
    expect((await gqlData(server.url, Me, undefined, both.headers)).me.role).toBe("owner");

    const seen = await gql(server.url, OrganizationWithChildren, { id: d.id }, both.headers);
    const organization = seen.data?.organization;
    expect(organization?.members.edges.map((edge) => edge.node.id) ?? []).toEqual(
      organization ? [both.membershipId] : [],
    );
    expect(organization?.invitations.edges ?? []).toEqual([]);
    expect(organization?.apiKeys.edges ?? []).toEqual([]);
    expect(organization?.integrations.edges ?? []).toEqual([]);
    // D's owner does see them all, so the empty lists above are the isolation, not missing data.
    const asOwner = await gqlData(server.url, OrganizationWithChildren, { id: d.id }, d.owner);
    expect(asOwner.organization?.members.edges).toHaveLength(2);
    expect(asOwner.organization?.invitations.edges).toHaveLength(1);
    expect(asOwner.organization?.apiKeys.edges.map((edge) => edge.node.id)).toEqual([dKey.id]);
    expect(asOwner.organization?.integrations.edges).toHaveLength(1);
  });
});
