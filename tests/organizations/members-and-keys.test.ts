import { createHash, randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { decryptSecrets } from "../../src/modules/organizations/integration-secrets.js";
import { graphql } from "../generated/gql.js";
import { asApiKey, asUser, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import {
  CreateApiKey,
  InviteMember,
  RemoveMember,
  RevokeApiKey,
  RevokeInvitation,
  UpdateMemberRole,
  UpsertIntegration,
} from "../support/organization-documents.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();

const Team = graphql(`
  query MembersTeam($id: ID!) {
    organization(id: $id) {
      members(first: 50) { edges { node { id role user { email } } } }
      invitations(first: 50) { edges { node { id email role } } }
    }
  }
`);

const Me = graphql(`
  query MembersMe {
    me {
      kind
      role
      activeOrganization { id }
      memberships(first: 50) { edges { node { role organization { id } } } }
    }
  }
`);

const KeyMe = graphql(`
  query KeysMe { me { kind role activeOrganization { id } } }
`);

const Keys = graphql(`
  query KeysList($id: ID!) {
    organization(id: $id) { apiKeys(first: 50) { edges { node { id name prefix lastUsedAt revokedAt } } } }
  }
`);

const Integrations = graphql(`
  query IntegrationsList($id: ID!) {
    organization(id: $id) { integrations(first: 10) { edges { node { id provider config secretHints } } } }
  }
`);

/** A request to `/graphql` or `/v1` with the raw status and body. */
async function call(path: string, headers: Headers, init: { method?: string; body?: unknown } = {}) {
  const response = await fetch(`${server.url}${path}`, {
    method: init.method ?? (init.body === undefined ? "GET" : "POST"),
    headers: { ...headers, ...(init.body === undefined ? {} : { "content-type": "application/json" }) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
  return { status: response.status, text, body: (text ? JSON.parse(text) : null) as any };
}

/** Asks `me` over GraphQL with the given credentials. */
const graphqlMe = (headers: Headers) => call("/graphql", headers, { body: { query: KeyMe.toString() } });

describe("invitations", () => {
  it("an invitation to someone who already has an account becomes a membership on their next request", async () => {
    const inviting = await server.createOrganization("Inviting");
    const own = await server.createOrganization("Own");
    const email = `${own.ownerSub}@example.com`;
    await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: inviting.id, email, role: "staff" } },
      inviting.owner,
    );
    const me = await gqlData(server.url, Me, {}, own.owner);
    // They keep acting in their own organization, and now belong to the inviting one too.
    expect(me.me.activeOrganization).toEqual({ id: own.id });
    expect(me.me.memberships.edges.map((e) => e.node)).toEqual([
      { role: "owner", organization: { id: own.id } },
      { role: "staff", organization: { id: inviting.id } },
    ]);
    const team = await gqlData(server.url, Team, { id: inviting.id }, inviting.owner);
    expect(team.organization?.invitations.edges).toEqual([]);
  });

  it("inviteMember creates an invitation that the invited email's first sign-in turns into a membership", async () => {
    const org = await server.createOrganization("Inviting");
    const sub = unique("user_invited");
    const email = `${sub}@example.com`;
    const result = await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: org.id, email: email.toUpperCase(), role: "specialist" } },
      org.owner,
    );
    expect(result.inviteMember).toEqual({
      __typename: "MutationInviteMemberSuccess",
      data: { id: expect.any(String), email, role: "specialist", expiresAt: expect.any(String) },
    });
    if (result.inviteMember.__typename !== "MutationInviteMemberSuccess") throw new Error("expected a success");
    const days = (Date.parse(result.inviteMember.data.expiresAt as string) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
    const pending = await gqlData(server.url, Team, { id: org.id }, org.owner);
    expect(pending.organization?.invitations.edges.map((e) => e.node)).toEqual([
      { id: result.inviteMember.data.id, email, role: "specialist" },
    ]);

    const invited = asUser(sub, { email });
    const me = await gqlData(server.url, Me, {}, invited);
    expect(me.me).toEqual({
      kind: "user",
      role: "specialist",
      activeOrganization: { id: org.id },
      memberships: { edges: [{ node: { role: "specialist", organization: { id: org.id } } }] },
    });
    const after = await gqlData(server.url, Team, { id: org.id }, org.owner);
    expect(after.organization?.invitations.edges).toEqual([]);
    expect(after.organization?.members.edges.map((e) => e.node)).toContainEqual({
      id: expect.any(String),
      role: "specialist",
      user: { email },
    });
    const stored = await server.services.adminDb.organizationInvitation.findUniqueOrThrow({
      where: { id: uuidOf(result.inviteMember.data.id) },
    });
    expect(stored.acceptedAt).toBeInstanceOf(Date);
  });

  it("revokeInvitation stops the invitation from turning into a membership", async () => {
    const org = await server.createOrganization("Changed mind");
    const sub = unique("user_revoked");
    const email = `${sub}@example.com`;
    const invited = await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: org.id, email, role: "staff" } },
      org.owner,
    );
    if (invited.inviteMember.__typename !== "MutationInviteMemberSuccess") throw new Error(JSON.stringify(invited));
    const invitationId = invited.inviteMember.data.id;

    const revoked = await gqlData(server.url, RevokeInvitation, { id: invitationId }, org.owner);
    expect(revoked.revokeInvitation).toEqual({
      __typename: "MutationRevokeInvitationSuccess",
      data: { id: invitationId, email },
    });
    expect((await gqlData(server.url, Team, { id: org.id }, org.owner)).organization?.invitations.edges).toEqual([]);
    const again = await gqlData(server.url, RevokeInvitation, { id: invitationId }, org.owner);
    expect(again.revokeInvitation).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });

    const me = await gqlData(server.url, Me, {}, asUser(sub, { email }));
    expect(me.me).toMatchObject({ role: null, activeOrganization: null, memberships: { edges: [] } });
    expect(await server.services.adminDb.userOrganization.count({ where: { organizationId: uuidOf(org.id) } })).toBe(1);
  });

  it("answers an invitation of an existing member with a ConflictError, inviting nobody", async () => {
    const org = await server.createOrganization("Full");
    const member = await server.addMember(org, "staff");
    for (const email of [`${org.ownerSub}@example.com`, member.email]) {
      const result = await gqlData(
        server.url,
        InviteMember,
        { input: { organizationId: org.id, email, role: "admin" } },
        org.owner,
      );
      expect(result.inviteMember).toEqual({
        __typename: "ConflictError",
        code: "CONFLICT",
        message: `${email} is already a member`,
      });
    }
    const rest = await call(`/v1/organizations/${org.id}/members`, org.owner, {
      body: { email: member.email, role: "admin" },
    });
    expect(rest.status).toBe(409);
    expect(
      await server.services.adminDb.organizationInvitation.count({
        where: { organizationId: uuidOf(org.id), acceptedAt: null },
      }),
    ).toBe(0);
  });

  it("rejects a malformed email with a ValidationError on input.email", async () => {
    const org = await server.createOrganization("Typos");
    const result = await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: org.id, email: "not-an-email", role: "staff" } },
      org.owner,
    );
    expect(result.inviteMember).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "email"], message: "must be an email address" }],
    });
  });
});

describe("members", () => {
  it("updateMemberRole changes a member's role, and the member acts with it", async () => {
    const org = await server.createOrganization("Promotions");
    const member = await server.addMember(org, "staff");
    const result = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: member.membershipId, role: "admin" },
      org.owner,
    );
    expect(result.updateMemberRole).toEqual({
      __typename: "MutationUpdateMemberRoleSuccess",
      data: { id: member.membershipId, role: "admin", user: { email: member.email } },
    });
    expect((await gqlData(server.url, Me, {}, member.headers)).me.role).toBe("admin");
    const stored = await server.services.adminDb.userOrganization.findUniqueOrThrow({
      where: { id: uuidOf(member.membershipId) },
    });
    expect(stored.role).toBe("admin");
  });

  it("updateMemberRole lets only an owner grant the owner role, and keeps the last owner", async () => {
    const org = await server.createOrganization("Owners");
    const admin = await server.addMember(org, "admin");
    const staff = await server.addMember(org, "staff");
    const byAdmin = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: staff.membershipId, role: "owner" },
      admin.headers,
    );
    expect(byAdmin.updateMemberRole).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });

    const team = await gqlData(server.url, Team, { id: org.id }, org.owner);
    const ownerMembership = team.organization?.members.edges.find((e) => e.node.role === "owner")?.node.id as string;
    const demote = await gqlData(
      server.url,
      UpdateMemberRole,
      { membershipId: ownerMembership, role: "admin" },
      org.owner,
    );
    expect(demote.updateMemberRole).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    const roles = await server.services.adminDb.userOrganization.findMany({
      where: { organizationId: uuidOf(org.id) },
      select: { role: true },
    });
    expect(roles.map((r) => r.role).sort()).toEqual(["admin", "owner", "staff"]);
  });

  it("removeMember removes the membership; the removed person no longer acts in the organization", async () => {
    const org = await server.createOrganization("Leaving");
    const member = await server.addMember(org, "specialist");
    expect((await gqlData(server.url, Me, {}, member.headers)).me.activeOrganization).toEqual({ id: org.id });

    const result = await gqlData(server.url, RemoveMember, { membershipId: member.membershipId }, org.owner);
    expect(result.removeMember).toEqual({
      __typename: "MutationRemoveMemberSuccess",
      data: { id: member.membershipId, role: "specialist" },
    });
    expect(await server.services.adminDb.userOrganization.count({ where: { id: uuidOf(member.membershipId) } })).toBe(
      0,
    );
    const me = await gqlData(server.url, Me, {}, member.headers);
    expect(me.me).toMatchObject({ role: null, activeOrganization: null, memberships: { edges: [] } });
  });

  it("removeMember refuses to remove the last owner", async () => {
    const org = await server.createOrganization("Solo");
    const team = await gqlData(server.url, Team, { id: org.id }, org.owner);
    const [owner] = team.organization?.members.edges ?? [];
    const result = await gqlData(server.url, RemoveMember, { membershipId: owner?.node.id as string }, org.owner);
    expect(result.removeMember).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    expect(await server.services.adminDb.userOrganization.count({ where: { organizationId: uuidOf(org.id) } })).toBe(1);
  });
});

describe("API keys", () => {
  let org: TestOrganization;
  beforeAll(async () => {
    org = await server.createOrganization("Keys");
  });

  async function newKey(role: "admin" | "staff" | "specialist" = "staff", expiresAt?: Date) {
    const result = await gqlData(
      server.url,
      CreateApiKey,
      { input: { organizationId: org.id, name: `key ${role}`, role, expiresAt: expiresAt?.toISOString() } },
      org.owner,
    );
    if (result.createApiKey.__typename !== "MutationCreateApiKeySuccess") throw new Error(JSON.stringify(result));
    return result.createApiKey.data;
  }

  it("createApiKey returns the cg_live_ key once; the database keeps only its SHA-256 hash", async () => {
    const { key, apiKey } = await newKey("specialist");
    expect(key).toMatch(/^cg_live_[A-Za-z0-9_-]{32}$/);
    expect(apiKey).toEqual({
      id: expect.any(String),
      name: "key specialist",
      prefix: key.slice(0, "cg_live_".length + 6),
      role: "specialist",
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
    });

    const row = await server.services.adminDb.apiKey.findUniqueOrThrow({ where: { id: uuidOf(apiKey.id) } });
    expect(row.hash).toBe(createHash("sha256").update(key).digest("hex"));
    for (const [column, value] of Object.entries(row)) {
      expect(String(value instanceof Date ? value.toISOString() : value), column).not.toContain(key);
    }
    // Listing keys never shows the key again.
    const listed = await call(`/v1/organizations/${org.id}/api-keys`, org.owner);
    expect(listed.status).toBe(200);
    expect(listed.body.data).toContainEqual(expect.objectContaining({ id: apiKey.id, prefix: apiKey.prefix }));
    expect(listed.text).not.toContain(key);
  });

  it("works as `Authorization: Bearer <key>` and as `X-API-Key`, on GraphQL and /v1", async () => {
    const { key } = await newKey("admin");
    for (const headers of [{ authorization: `Bearer ${key}` }, asApiKey(key)]) {
      const response = await graphqlMe(headers);
      expect(response.status).toBe(200);
      expect(response.body.data.me).toEqual({ kind: "apiKey", role: "admin", activeOrganization: { id: org.id } });
      const rest = await call("/v1/me", headers);
      expect(rest.status).toBe(200);
      expect(rest.body).toMatchObject({ kind: "apiKey", role: "admin", activeOrganization: { id: org.id } });
    }
  });

  it("sets lastUsedAt on first use", async () => {
    const { key, apiKey } = await newKey();
    const before = await server.services.adminDb.apiKey.findUniqueOrThrow({ where: { id: uuidOf(apiKey.id) } });
    expect(before.lastUsedAt).toBeNull();
    const start = Date.now();
    expect((await graphqlMe(asApiKey(key))).status).toBe(200);
    const after = await server.services.adminDb.apiKey.findUniqueOrThrow({ where: { id: uuidOf(apiKey.id) } });
    expect(after.lastUsedAt?.getTime()).toBeGreaterThanOrEqual(start - 5);
    expect(after.lastUsedAt?.getTime()).toBeLessThanOrEqual(Date.now());
    const listed = await gqlData(server.url, Keys, { id: org.id }, org.owner);
    expect(listed.organization?.apiKeys.edges.find((e) => e.node.id === apiKey.id)?.node.lastUsedAt).toBe(
      after.lastUsedAt?.toISOString(),
    );
  });

  it("refuses the very next request after revocation with 401 API_KEY_REVOKED", async () => {
    const { key, apiKey } = await newKey();
    expect((await graphqlMe(asApiKey(key))).status).toBe(200);
    const revoked = await gqlData(server.url, RevokeApiKey, { id: apiKey.id }, org.owner);
    expect(revoked.revokeApiKey).toEqual({
      __typename: "MutationRevokeApiKeySuccess",
      data: { id: apiKey.id, revokedAt: expect.any(String) },
    });

    const response = await graphqlMe(asApiKey(key));
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe("API_KEY_REVOKED");
    const bearer = await graphqlMe({ authorization: `Bearer ${key}` });
    expect(bearer.status).toBe(401);
    expect(bearer.body.errors[0].extensions.code).toBe("API_KEY_REVOKED");
    const rest = await call("/v1/me", asApiKey(key));
    expect(rest.status).toBe(401);
    expect(rest.body).toEqual({ error: { code: "API_KEY_REVOKED", message: expect.any(String) } });
  });

  it("refuses a key after its expiresAt with 401 API_KEY_EXPIRED", async () => {
    const expiresAt = new Date(Date.now() + 1_500);
    const { key, apiKey } = await newKey("staff", expiresAt);
    expect(apiKey.expiresAt).toBe(expiresAt.toISOString());
    expect((await graphqlMe(asApiKey(key))).status).toBe(200);

    await new Promise((resolve) => setTimeout(resolve, expiresAt.getTime() - Date.now() + 20));
    const response = await graphqlMe(asApiKey(key));
    expect(response.status).toBe(401);
    expect(response.body.errors[0].extensions.code).toBe("API_KEY_EXPIRED");
    const rest = await call("/v1/me", { authorization: `Bearer ${key}` });
    expect(rest.status).toBe(401);
    expect(rest.body.error.code).toBe("API_KEY_EXPIRED");
  });

  it("refuses an expiresAt in the past with a ValidationError", async () => {
    const result = await gqlData(
      server.url,
      CreateApiKey,
      {
        input: {
          organizationId: org.id,
          name: "late",
          role: "staff",
          expiresAt: new Date(Date.now() - 60_000).toISOString(),
        },
      },
      org.owner,
    );
    expect(result.createApiKey).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "expiresAt"], message: "must be in the future" }],
    });
  });

  it("refuses an unknown key with 401 API_KEY_INVALID", async () => {
    const key = `cg_live_${randomBytes(24).toString("base64url")}`;
    for (const headers of [asApiKey(key), { authorization: `Bearer ${key}` }]) {
      const response = await graphqlMe(headers);
      expect(response.status).toBe(401);
      expect(response.body.errors[0].extensions.code).toBe("API_KEY_INVALID");
      const rest = await call("/v1/me", headers);
      expect(rest.status).toBe(401);
      expect(rest.body.error.code).toBe("API_KEY_INVALID");
    }
  });
});

describe("integrations", () => {
  it("stores Daily.co secrets encrypted and answers only their last four characters", async () => {
    const org = await server.createOrganization("Video");
    const apiKey = `daily_${randomBytes(16).toString("hex")}`;
    const response = await call("/graphql", org.owner, {
      body: {
        query: UpsertIntegration.toString(),
        variables: {
          input: { organizationId: org.id, provider: "daily", config: { domain: "clinic" }, secrets: { apiKey } },
        },
      },
    });
    expect(response.body.data.upsertIntegration).toEqual({
      __typename: "MutationUpsertIntegrationSuccess",
      data: {
        id: expect.any(String),
        provider: "daily",
        config: { domain: "clinic" },
        secretHints: { apiKey: `…${apiKey.slice(-4)}` },
      },
    });
    expect(response.text).not.toContain(apiKey);

    const row = await server.services.adminDb.organizationIntegration.findFirstOrThrow({
      where: { organizationId: uuidOf(org.id), provider: "daily" },
    });
    expect(row.secretsEncrypted).toEqual(expect.any(String));
    expect(row.secretsEncrypted).not.toContain(apiKey);
    expect(JSON.stringify(row)).not.toContain(apiKey);
    expect(decryptSecrets(server.services.config.integrationsKey, row.secretsEncrypted as string)).toEqual({ apiKey });

    const listed = await call("/graphql", org.owner, {
      body: { query: Integrations.toString(), variables: { id: org.id } },
    });
    expect(listed.body.data.organization.integrations.edges).toEqual([
      {
        node: {
          id: expect.any(String),
          provider: "daily",
          config: { domain: "clinic" },
          secretHints: { apiKey: `…${apiKey.slice(-4)}` },
        },
      },
    ]);
    expect(listed.text).not.toContain(apiKey);
    const rest = await call(`/v1/organizations/${org.id}/integrations`, org.owner);
    expect(rest.status).toBe(200);
    expect(rest.body.data).toHaveLength(1);
    expect(rest.text).not.toContain(apiKey);
  });

  it("keeps the stored secrets when an update omits them", async () => {
    const org = await server.createOrganization("Video update");
    const apiKey = `daily_${randomBytes(16).toString("hex")}`;
    await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: org.id, provider: "daily", secrets: { apiKey } } },
      org.owner,
    );
    const rest = await call(`/v1/organizations/${org.id}/integrations/daily`, org.owner, {
      method: "PUT",
      body: { config: { domain: "renamed", apiUrl: "https://api.daily.co/v1" } },
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({
      provider: "daily",
      config: { domain: "renamed", apiUrl: "https://api.daily.co/v1" },
      secretHints: { apiKey: `…${apiKey.slice(-4)}` },
    });
    expect(rest.text).not.toContain(apiKey);
    const row = await server.services.adminDb.organizationIntegration.findFirstOrThrow({
      where: { organizationId: uuidOf(org.id), provider: "daily" },
    });
    expect(decryptSecrets(server.services.config.integrationsKey, row.secretsEncrypted as string)).toEqual({ apiKey });
  });

  it("rejects bad config and secrets with a ValidationError naming their paths (422 on /v1)", async () => {
    const org = await server.createOrganization("Video typos");
    const badConfig = await gqlData(
      server.url,
      UpsertIntegration,
      {
        input: {
          organizationId: org.id,
          provider: "daily",
          config: { apiUrl: "not a url" },
          secrets: { apiKey: "long-enough-key" },
        },
      },
      org.owner,
    );
    expect(badConfig.upsertIntegration).toMatchObject({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      fields: [{ path: ["input", "config", "apiUrl"] }],
    });
    const badSecret = await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: org.id, provider: "daily", secrets: { apiKey: "short" } } },
      org.owner,
    );
    expect(badSecret.upsertIntegration).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      message: "input.secrets.apiKey: is too short to be a credential",
      fields: [{ path: ["input", "secrets", "apiKey"], message: "is too short to be a credential" }],
    });
    const unknownSecret = await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: org.id, provider: "daily", secrets: { apiKey: "long-enough-key", token: "x" } } },
      org.owner,
    );
    expect(unknownSecret.upsertIntegration).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "secrets", "token"] }],
    });
    const s3 = await call(`/v1/organizations/${org.id}/integrations/s3`, org.owner, {
      method: "PUT",
      body: {
        config: { region: "eu-central-1" },
        secrets: { accessKeyId: "AKIAEXAMPLE", secretAccessKey: "long-enough-secret" },
      },
    });
    expect(s3.status).toBe(422);
    expect(s3.body.error).toEqual({
      code: "VALIDATION_FAILED",
      message: expect.any(String),
      fields: [{ path: ["input", "config", "bucket"], message: expect.any(String) }],
    });
    expect(
      await server.services.adminDb.organizationIntegration.count({ where: { organizationId: uuidOf(org.id) } }),
    ).toBe(0);
  });

  it("rejects a new integration without secrets with a ValidationError on input.secrets", async () => {
    const org = await server.createOrganization("No secrets");
    const result = await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: org.id, provider: "daily", config: { domain: "clinic" } } },
      org.owner,
    );
    expect(result.upsertIntegration).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      message: expect.any(String),
      fields: [{ path: ["input", "secrets"], message: "are required for a new integration" }],
    });
    expect(
      await server.services.adminDb.organizationIntegration.count({ where: { organizationId: uuidOf(org.id) } }),
    ).toBe(0);
  });
});
