import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { asApiKey, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { answers, describeCrossTenant, empty, forbidden, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
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
/** Every kind of id of B's that a caller could name. */
const bIdKinds = [
  "organization",
  "ownerUser",
  "ownerMembership",
  "staffMembership",
  "invitation",
  "apiKey",
  "integration",
  "auditEntry",
] as const;
let bIds: Record<(typeof bIdKinds)[number], string>;
let bApiKey: string;
/** A's own ids, to show the same calls do answer for A. */
let aIds: { ownerMembership: string; apiKey: string };

/** Everything of B that its owner can see: organization, members, invitations, keys, integrations, audit trail. */
const snapshotOfB = () => gqlData(server.url, Snapshot, { id: b.id }, b.owner);
let bBefore: Awaited<ReturnType<typeof snapshotOfB>>;

async function expectBUnchanged() {
  expect(await snapshotOfB()).toEqual(bBefore);
}

async function ownMembership(headers: Headers, organizationId: string) {
  const me = await gqlData(server.url, MeWithMemberships, undefined, headers);
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
  const bStaff = await server.addMember(b, "staff");
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

/** B's ids by name, for the `/v1` paths' placeholders. */
const bPlaceholders = () => ({ ...bIds, slug: b.slug });
/** The ids of every object of B's, each answered null. */
const allOfB = () => ({ nodes: bIdKinds.map(() => null) });
const onlyA = () => ({ organizations: { edges: [{ node: { id: a.id, slug: a.slug } }] } });

describeCrossTenant("A's owner reads B's ids through GraphQL: nothing, without error", {
  server,
  as: () => a.owner,
  operations: [
    operation(OrganizationById, () => ({ id: b.id }), empty),
    operation(
      OrganizationWithChildren,
      () => ({ id: b.id }),
      empty,
      "with members, invitations, apiKeys, integrations",
    ),
    operation(OrganizationBySlug, () => ({ slug: b.slug }), empty),
    ...bIdKinds.map((kind) => operation(Node, () => ({ id: bIds[kind] }), empty, `B's ${kind}`)),
    operation(Nodes, () => ({ ids: bIdKinds.map((kind) => bIds[kind]) }), answers(allOfB)),
    operation(Organizations, () => ({}), answers(onlyA), "lists A only"),
  ],
});

describe("A's owner reads A's own ids through GraphQL", () => {
  it("organization(id), with its children, and organizationBySlug answer A", async () => {
    expect(await gqlData(server.url, OrganizationById, { id: a.id }, a.owner)).toEqual({
      organization: { id: a.id, slug: a.slug },
    });
    const own = await gqlData(server.url, OrganizationWithChildren, { id: a.id }, a.owner);
    expect(own.organization?.members.edges.map((e) => e.node.id)).toEqual([aIds.ownerMembership]);
    expect(own.organization?.apiKeys.edges.map((e) => e.node.id)).toEqual([aIds.apiKey]);
    expect(await gqlData(server.url, OrganizationBySlug, { slug: a.slug }, a.owner)).toEqual({
      organizationBySlug: { id: a.id, slug: a.slug },
    });
  });

  it("nodes finds A's own objects", async () => {
    expect(await gqlData(server.url, Nodes, { ids: [a.id, aIds.apiKey] }, a.owner)).toEqual({
      nodes: [
        { __typename: "Organization", id: a.id },
        { __typename: "ApiKey", id: aIds.apiKey },
      ],
    });
  });

  it("me shows A as the active organization and no membership of B", async () => {
    const result = await gqlData(server.url, MeWithMemberships, undefined, a.owner);
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

const intruder = () => `${unique("intruder")}@example.com`;

describeCrossTenant("A's owner writes with B's ids through GraphQL: NotFoundError, and B is unchanged", {
  server,
  as: () => a.owner,
  unchanged: expectBUnchanged,
  operations: [
    operation(
      UpdateOrganization,
      () => ({
        id: b.id,
        input: { name: "Taken over", slug: unique("taken"), settings: { cancellationNoticeHours: 1 } },
      }),
      notFound("Organization"),
    ),
    operation(DeleteOrganization, () => ({ id: b.id }), notFound("Organization")),
    operation(
      SwitchOrganization,
      () => ({ organizationId: b.id }),
      async (response) => {
        notFound("Organization")(response);
        const me = await gqlData(server.url, MeWithMemberships, undefined, a.owner);
        expect(me.me).toMatchObject({ role: "owner", activeOrganization: { id: a.id } });
      },
      "leaving A's owner in A",
    ),
    ...(["staff", "owner"] as const).map((role) =>
      operation(
        InviteMember,
        () => ({ input: { organizationId: b.id, email: intruder(), role } }),
        notFound("Organization"),
        `as ${role}`,
      ),
    ),
    operation(RevokeInvitation, () => ({ id: bIds.invitation }), notFound("Invitation")),
    ...(
      [
        ["ownerMembership", "patient"],
        ["staffMembership", "owner"],
        ["staffMembership", "admin"],
      ] as const
    ).map(([membership, role]) =>
      operation(
        UpdateMemberRole,
        () => ({ membershipId: bIds[membership], role }),
        notFound("Membership"),
        `B's ${membership} to ${role}`,
      ),
    ),
    ...(["ownerMembership", "staffMembership"] as const).map((membership) =>
      operation(RemoveMember, () => ({ membershipId: bIds[membership] }), notFound("Membership"), `B's ${membership}`),
    ),
    operation(
      CreateApiKey,
      () => ({ input: { organizationId: b.id, name: "backdoor", role: "admin" as const } }),
      notFound("Organization"),
    ),
    operation(
      RevokeApiKey,
      () => ({ id: bIds.apiKey }),
      async (response) => {
        notFound("ApiKey")(response);
        const withKey = await gqlData(server.url, MeWithMemberships, undefined, asApiKey(bApiKey));
        expect(withKey.me).toMatchObject({ kind: "apiKey", activeOrganization: { id: b.id } });
      },
      "and B's key still works",
    ),
    operation(
      UpsertIntegration,
      () => ({
        input: {
          organizationId: b.id,
          provider: "daily" as const,
          config: { domain: "evil" },
          secrets: { apiKey: "evil-1234567" },
        },
      }),
      notFound("Organization"),
      "replacing B's provider",
    ),
    operation(
      UpsertIntegration,
      () => ({ input: { organizationId: b.id, provider: "daily" as const, config: {} } }),
      notFound("Organization"),
      "replacing B's provider's config only",
    ),
    operation(
      UpsertIntegration,
      () => ({
        input: {
          organizationId: b.id,
          provider: "s3" as const,
          config: { bucket: "evil-bucket", region: "eu-west-1" },
          secrets: { accessKeyId: "AKIAEVIL0000", secretAccessKey: "evil-secret-key" },
        },
      }),
      notFound("Organization"),
      "adding another provider",
    ),
  ],
});

describeCrossTenant("A's API key against B: sees nothing", {
  server,
  as: () => asApiKey(aKey.key),
  operations: [
    operation(OrganizationWithChildren, () => ({ id: b.id }), empty),
    operation(OrganizationBySlug, () => ({ slug: b.slug }), empty),
    operation(Nodes, () => ({ ids: bIdKinds.map((kind) => bIds[kind]) }), answers(allOfB)),
    operation(Organizations, () => ({}), answers(onlyA), "lists A only"),
  ],
  routes: [
    ["GET", "/v1/organizations/:organization"],
    ["GET", "/v1/organizations/by-slug/:slug"],
  ],
  ids: bPlaceholders,
});

describe("A's API key in A", () => {
  it("is A's admin, reads its own organization, and no audit entry of B", async () => {
    const key = asApiKey(aKey.key);
    const me = await gqlData(server.url, MeWithMemberships, undefined, key);
    expect(me.me).toMatchObject({ kind: "apiKey", role: "admin", activeOrganization: { id: a.id } });
    const audit = await gqlData(server.url, AuditLog, {}, key);
    const bEntryIds = new Set(bBefore.auditLog.edges.map((e) => e.node.id));
    expect(audit.auditLog.edges.length).toBeGreaterThan(0);
    expect(audit.auditLog.edges.filter((e) => bEntryIds.has(e.node.id))).toEqual([]);
    expect(await gqlData(server.url, OrganizationById, { id: a.id }, key)).toEqual({
      organization: { id: a.id, slug: a.slug },
    });
  });
});

describeCrossTenant("A's API key writes with B's ids: every mutation fails, and B is unchanged", {
  server,
  as: () => asApiKey(aKey.key),
  unchanged: expectBUnchanged,
  operations: [
    operation(UpdateOrganization, () => ({ id: b.id, input: { name: "X" } }), notFound("Organization")),
    operation(
      InviteMember,
      () => ({ input: { organizationId: b.id, email: `${unique("k")}@example.com`, role: "staff" as const } }),
      notFound("Organization"),
    ),
    operation(RevokeInvitation, () => ({ id: bIds.invitation }), notFound("Invitation")),
    operation(
      UpdateMemberRole,
      () => ({ membershipId: bIds.staffMembership, role: "admin" as const }),
      notFound("Membership"),
    ),
    operation(RemoveMember, () => ({ membershipId: bIds.staffMembership }), notFound("Membership")),
    operation(RevokeApiKey, () => ({ id: bIds.apiKey }), notFound("ApiKey")),
    operation(
      UpsertIntegration,
      () => ({ input: { organizationId: b.id, provider: "daily" as const, secrets: { apiKey: "key-evil-123" } } }),
      notFound("Organization"),
    ),
    // Deleting, switching and creating keys are not for API keys at all, in any organization.
    operation(DeleteOrganization, () => ({ id: b.id }), forbidden),
    operation(SwitchOrganization, () => ({ organizationId: b.id }), forbidden),
    operation(CreateApiKey, () => ({ input: { organizationId: b.id, name: "k", role: "admin" as const } }), forbidden),
  ],
});

describeCrossTenant("/v1 as A's owner with B's ids: 404 NOT_FOUND, and B is unchanged", {
  server,
  as: () => a.owner,
  unchanged: expectBUnchanged,
  ids: bPlaceholders,
  routes: [
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
  ],
});

describe("/v1 as A's owner, around B", () => {
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
    const me = await gqlData(server.url, MeWithMemberships, undefined, a.owner);
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
    const both = await server.addMember(d, "staff");
    const e = await gqlData(
      server.url,
      CreateOrganization,
      { input: { name: "E", slug: unique("org") } },
      both.headers,
    );
    expect(e.createOrganization.__typename).toBe("MutationCreateOrganizationSuccess");
    expect((await gqlData(server.url, MeWithMemberships, undefined, both.headers)).me.role).toBe("owner");

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
