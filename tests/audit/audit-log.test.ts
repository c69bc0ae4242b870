import { randomBytes, randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { AuditListQueryVariables } from "../generated/graphql.js";
import { asApiKey, asUser, type Headers, type TestOrganization, unique } from "../support/auth.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import { InviteMember, UpdateOrganization, UpsertIntegration } from "../support/organization-documents.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();

const SendEvent = graphql(`
  mutation AuditSendDiagnosticEvent($message: String!) {
    sendDiagnosticEvent(message: $message) {
      __typename
      ... on MutationSendDiagnosticEventSuccess { data { id } }
    }
  }
`);

const List = graphql(`
  query AuditList($first: Int, $after: String, $filter: AuditLogFilter) {
    auditLog(first: $first, after: $after, filter: $filter) {
      edges {
        node {
          id action entityType entityId actorUserId actorApiKeyId changes requestId ip userAgent createdAt
        }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** Every audit row of the organization, read with the owner connection (RLS does not apply). */
const rowsOf = (org: TestOrganization) =>
  server.services.adminDb.auditLog.findMany({
    where: { organizationId: uuidOf(org.id) },
    orderBy: { createdAt: "asc" },
  });

function nth<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item ${index} in a list of ${list.length}`);
  return item;
}

const userIdOf = async (sub: string) =>
  (await server.services.adminDb.user.findUniqueOrThrow({ where: { clerkUserId: sub } })).id;

/** The transaction that last wrote a row (`xmin`): equal ids mean one transaction. */
async function writerOf(table: "organizations" | "audit_log" | "organization_integrations", id: string) {
  const [row] = await server.services.adminDb.$queryRawUnsafe<{ xmin: string }[]>(
    `SELECT xmin::text AS xmin FROM ${table} WHERE id = $1::uuid`,
    id,
  );
  return row?.xmin;
}

async function v1(path: string, headers: Headers) {
  const response = await fetch(`${server.url}${path}`, { headers });
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
  return { status: response.status, body: (await response.json()) as any };
}

describe("audit rows of successful mutations", () => {
  it("writes exactly one row, in the mutation's transaction, with actor, entity, changed fields and request data", async () => {
    const org = await server.createOrganization("Audited");
    const before = await rowsOf(org);
    expect(before.map((r) => r.action)).toEqual(["organization.create"]);

    const requestId = `req-${randomBytes(6).toString("hex")}`;
    const headers = {
      ...org.owner,
      "x-request-id": requestId,
      "user-agent": "audit-test/1.0",
      "x-forwarded-for": "203.0.113.7, 10.0.0.1",
    };
    const result = await gqlData(
      server.url,
      UpdateOrganization,
      { id: org.id, input: { name: "Audited, renamed" } },
      headers,
    );
    expect(result.updateOrganization.__typename).toBe("MutationUpdateOrganizationSuccess");

    const rows = await rowsOf(org);
    expect(rows).toHaveLength(2);
    const row = rows[1];
    expect(row).toEqual({
      id: expect.any(String),
      organizationId: uuidOf(org.id),
      actorUserId: await userIdOf(org.ownerSub),
      actorApiKeyId: null,
      impersonatorUserId: null,
      actorPatientId: null,
      action: "organization.update",
      entityType: "Organization",
      entityId: uuidOf(org.id),
      changes: { before: { name: "Audited" }, after: { name: "Audited, renamed" } },
      requestId,
      ip: "203.0.113.7",
      userAgent: "audit-test/1.0",
      createdAt: expect.any(Date),
    });
    expect(await writerOf("audit_log", row?.id as string)).toBe(await writerOf("organizations", uuidOf(org.id)));
  });

  it("records the creation of an organization with the new row's fields and no before", async () => {
    const org = await server.createOrganization("Brand new");
    const [row] = await rowsOf(org);
    expect(row).toMatchObject({
      action: "organization.create",
      entityType: "Organization",
      entityId: uuidOf(org.id),
      actorUserId: await userIdOf(org.ownerSub),
    });
    // Every field of the new row except the bookkeeping timestamps.
    expect(row?.changes).toEqual({
      before: null,
      after: {
        id: uuidOf(org.id),
        name: "Brand new",
        slug: org.slug,
        timezone: "UTC",
        locale: "en",
        settings: {
          onboardingSteps: [],
          firstBookingWithoutOnboarding: "flag",
          cancellationNoticeHours: 24,
          reminderWindowHours: 24,
        },
      },
    });
    expect(await writerOf("audit_log", row?.id as string)).toBe(await writerOf("organizations", uuidOf(org.id)));
  });

  it("records the request id a /v1 call is sent with", async () => {
    const org = await server.createOrganization("Rest audited");
    const requestId = `rest-${randomBytes(6).toString("hex")}`;
    const response = await fetch(`${server.url}/v1/organizations/${org.id}`, {
      method: "PATCH",
      headers: { ...org.owner, "content-type": "application/json", "x-request-id": requestId, "user-agent": "rest/2" },
      body: JSON.stringify({ timezone: "Europe/Lisbon" }),
    });
    expect(response.status).toBe(200);
    const rows = await rowsOf(org);
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({
      action: "organization.update",
      requestId,
      userAgent: "rest/2",
      changes: { before: { timezone: "UTC" }, after: { timezone: "Europe/Lisbon" } },
    });
  });

  it("never records integration secrets or the API key hash in `changes`", async () => {
    const org = await server.createOrganization("Secretive");
    const secret = `daily_${randomBytes(16).toString("hex")}`;
    const upserted = await gqlData(
      server.url,
      UpsertIntegration,
      {
        input: { organizationId: org.id, provider: "daily", config: { domain: "clinic" }, secrets: { apiKey: secret } },
      },
      org.owner,
    );
    expect(upserted.upsertIntegration.__typename).toBe("MutationUpsertIntegrationSuccess");
    const { key, id: keyId } = await server.createApiKey(org, "staff");

    const integration = await server.services.adminDb.organizationIntegration.findFirstOrThrow({
      where: { organizationId: uuidOf(org.id) },
    });
    const apiKey = await server.services.adminDb.apiKey.findUniqueOrThrow({ where: { id: uuidOf(keyId) } });
    const rows = await rowsOf(org);
    const integrationRow = rows.find((r) => r.action === "integration.create");
    const keyRow = rows.find((r) => r.action === "api_key.create");
    expect(integrationRow?.changes).toMatchObject({
      before: null,
      after: {
        provider: "daily",
        config: { domain: "clinic" },
        secretsEncrypted: "[redacted]",
        secretHints: "[redacted]",
      },
    });
    expect(keyRow?.changes).toMatchObject({
      before: null,
      after: { name: "key staff", role: "staff", hash: "[redacted]" },
    });
    const stored = JSON.stringify(rows.map((r) => r.changes));
    for (const leak of [secret, integration.secretsEncrypted as string, key, apiKey.hash]) {
      expect(stored).not.toContain(leak);
    }
    // Nor does the API show them.
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { ...org.owner, "content-type": "application/json" },
      body: JSON.stringify({ query: List.toString(), variables: { first: 50 } }),
    });
    const text = await response.text();
    expect(text).toContain("integration.create");
    for (const leak of [secret, integration.secretsEncrypted as string, key, apiKey.hash])
      expect(text).not.toContain(leak);
  });

  it("writes the row of a mutation made outside any organization, with no organization", async () => {
    const message = `audit ${randomBytes(4).toString("hex")}`;
    const requestId = `anon-${randomBytes(6).toString("hex")}`;
    const result = await gqlData(server.url, SendEvent, { message }, { "x-request-id": requestId });
    if (result.sendDiagnosticEvent.__typename !== "MutationSendDiagnosticEventSuccess")
      throw new Error(JSON.stringify(result));
    const eventId = uuidOf(result.sendDiagnosticEvent.data.id);
    const rows = await server.services.adminDb.auditLog.findMany({ where: { entityId: eventId } });
    expect(rows).toEqual([
      expect.objectContaining({
        organizationId: null,
        actorUserId: null,
        actorApiKeyId: null,
        action: "diagnostic_event.create",
        entityType: "DiagnosticEvent",
        requestId,
        changes: { before: null, after: { id: eventId, message } },
      }),
    ]);
  });

  it("records an API key's actions with actorApiKeyId and no user", async () => {
    const org = await server.createOrganization("Automated");
    const { key, id } = await server.createApiKey(org, "admin");
    const result = await gqlData(
      server.url,
      UpdateOrganization,
      { id: org.id, input: { name: "Automated, renamed" } },
      asApiKey(key),
    );
    expect(result.updateOrganization.__typename).toBe("MutationUpdateOrganizationSuccess");
    const rows = await rowsOf(org);
    expect(rows.at(-1)).toMatchObject({
      action: "organization.update",
      actorApiKeyId: uuidOf(id),
      actorUserId: null,
      organizationId: uuidOf(org.id),
    });
  });
});

describe("failed mutations", () => {
  it("a mutation that fails validation writes no row and changes nothing", async () => {
    const org = await server.createOrganization("Unchanged");
    const before = await rowsOf(org);
    const result = await gqlData(
      server.url,
      UpdateOrganization,
      { id: org.id, input: { name: "Would change", timezone: "Nowhere/Special" } },
      org.owner,
    );
    expect(result.updateOrganization).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    // Also a validation error raised inside the transaction (a new integration needs secrets).
    const upserted = await gqlData(
      server.url,
      UpsertIntegration,
      { input: { organizationId: org.id, provider: "daily", config: { domain: "clinic" } } },
      org.owner,
    );
    expect(upserted.upsertIntegration).toMatchObject({ __typename: "ValidationError" });

    expect(await rowsOf(org)).toEqual(before);
    const stored = await server.services.adminDb.organization.findUniqueOrThrow({ where: { id: uuidOf(org.id) } });
    expect(stored).toMatchObject({ name: "Unchanged", timezone: "UTC" });
    expect(
      await server.services.adminDb.organizationIntegration.count({ where: { organizationId: uuidOf(org.id) } }),
    ).toBe(0);
  });

  it("a mutation that fails with a typed domain error writes no row", async () => {
    const [org, other] = await Promise.all([
      server.createOrganization("Conflicted"),
      server.createOrganization("Other"),
    ]);
    const before = await rowsOf(org);
    const conflict = await gqlData(
      server.url,
      UpdateOrganization,
      { id: org.id, input: { name: "Would change", slug: other.slug } },
      org.owner,
    );
    expect(conflict.updateOrganization).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    const member = await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: org.id, email: `${org.ownerSub}@example.com`, role: "staff" } },
      org.owner,
    );
    expect(member.inviteMember).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    const notFound = await gqlData(
      server.url,
      UpdateOrganization,
      { id: other.id, input: { name: "Hijacked" } },
      org.owner,
    );
    expect(notFound.updateOrganization).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });

    expect(await rowsOf(org)).toEqual(before);
    expect((await rowsOf(other)).map((r) => r.action)).toEqual(["organization.create"]);
    const stored = await server.services.adminDb.organization.findUniqueOrThrow({ where: { id: uuidOf(org.id) } });
    expect(stored).toMatchObject({ name: "Conflicted", slug: org.slug });
  });
});

describe("auditLog", () => {
  let org: TestOrganization;
  let ownerId: string;
  let apiKeyId: string;
  /** The organization's entries as the database holds them, newest first. */
  let entries: { id: string; action: string; createdAt: Date; entityType: string; entityId: string | null }[];

  beforeAll(async () => {
    org = await server.createOrganization("Trail");
    ownerId = await userIdOf(org.ownerSub);
    for (const name of ["Trail 2", "Trail 3"]) {
      await gqlData(server.url, UpdateOrganization, { id: org.id, input: { name } }, org.owner);
    }
    const key = await server.createApiKey(org, "admin");
    apiKeyId = uuidOf(key.id);
    await gqlData(server.url, UpdateOrganization, { id: org.id, input: { name: "Trail by key" } }, asApiKey(key.key));
    await gqlData(
      server.url,
      InviteMember,
      { input: { organizationId: org.id, email: `${unique("invitee")}@example.com`, role: "staff" } },
      org.owner,
    );
    // Another organization's trail never shows up.
    const other = await server.createOrganization("Elsewhere");
    await gqlData(server.url, UpdateOrganization, { id: other.id, input: { name: "Elsewhere 2" } }, other.owner);
    entries = (await rowsOf(org)).reverse();
  });

  const list = (variables: AuditListQueryVariables, headers = org.owner) =>
    gqlData(server.url, List, variables, headers);

  it("lists the active organization's entries, newest first", async () => {
    const { auditLog } = await list({ first: 50 });
    expect(auditLog.edges.map((e) => e.node.action)).toEqual([
      "invitation.create",
      "organization.update",
      "api_key.create",
      "organization.update",
      "organization.update",
      "organization.create",
    ]);
    expect(auditLog.edges.map((e) => uuidOf(e.node.id))).toEqual(entries.map((e) => e.id));
    expect(auditLog.edges[1]?.node).toMatchObject({
      entityType: "Organization",
      entityId: uuidOf(org.id),
      actorApiKeyId: apiKeyId,
      actorUserId: null,
      changes: { before: { name: "Trail 3" }, after: { name: "Trail by key" } },
    });
  });

  it("filters by entityType, entityId, actorUserId and actorApiKeyId", async () => {
    const byType = await list({ first: 50, filter: { entityType: "Organization" } });
    expect(byType.auditLog.edges.map((e) => e.node.action)).toEqual([
      "organization.update",
      "organization.update",
      "organization.update",
      "organization.create",
    ]);

    const keyEntry = entries.find((e) => e.action === "api_key.create");
    const byEntity = await list({ first: 50, filter: { entityId: keyEntry?.entityId } });
    expect(byEntity.auditLog.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ action: "api_key.create", entityType: "ApiKey", entityId: apiKeyId }),
    ]);

    const byActor = await list({ first: 50, filter: { actorUserId: ownerId } });
    expect(byActor.auditLog.edges).toHaveLength(5);
    expect(byActor.auditLog.edges.every((e) => e.node.actorUserId === ownerId)).toBe(true);

    const byKey = await list({ first: 50, filter: { actorApiKeyId: apiKeyId } });
    expect(byKey.auditLog.edges.map((e) => e.node.changes)).toEqual([
      { before: { name: "Trail 3" }, after: { name: "Trail by key" } },
    ]);

    const none = await list({ first: 50, filter: { actorUserId: randomUUID() } });
    expect(none.auditLog.edges).toEqual([]);
  });

  it("filters by time: from is inclusive, to exclusive", async () => {
    const oldestFirst = [...entries].reverse();
    const from = nth(oldestFirst, 1).createdAt;
    const to = nth(oldestFirst, 4).createdAt;
    // Timestamps are distinct (sequential writes), so the window holds exactly entries 1-3.
    expect(new Set(entries.map((e) => e.createdAt.getTime())).size).toBe(entries.length);
    const windowed = await list({ first: 50, filter: { from: from.toISOString(), to: to.toISOString() } });
    expect(windowed.auditLog.edges.map((e) => uuidOf(e.node.id))).toEqual(
      oldestFirst
        .slice(1, 4)
        .reverse()
        .map((e) => e.id),
    );
  });

  it("pages with first/after without skipping or repeating entries", async () => {
    const seen: string[] = [];
    let after: string | null | undefined;
    let pages = 0;
    do {
      const page = await list({ first: 2, after });
      expect(page.auditLog.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.auditLog.edges.map((e) => e.node.action));
      after = page.auditLog.pageInfo.hasNextPage ? page.auditLog.pageInfo.endCursor : null;
      pages++;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(seen).toEqual(entries.map((e) => e.action));
  });

  it("answers GET /v1/audit-log with filters and { data, pageInfo } pages", async () => {
    const first = await v1("/v1/audit-log?entityType=Organization&first=3", org.owner);
    expect(first.status).toBe(200);
    expect(first.body.data.map((e: { action: string }) => e.action)).toEqual([
      "organization.update",
      "organization.update",
      "organization.update",
    ]);
    expect(first.body.pageInfo).toEqual({ hasNextPage: true, endCursor: expect.any(String) });
    const second = await v1(
      `/v1/audit-log?entityType=Organization&first=3&after=${encodeURIComponent(first.body.pageInfo.endCursor)}`,
      org.owner,
    );
    expect(second.body.data.map((e: { action: string }) => e.action)).toEqual(["organization.create"]);
    expect(second.body.pageInfo.hasNextPage).toBe(false);

    const byActor = await v1(`/v1/audit-log?actorApiKeyId=${apiKeyId}`, org.owner);
    expect(byActor.body.data).toEqual([
      expect.objectContaining({ action: "organization.update", actorApiKeyId: apiKeyId }),
    ]);

    const oldestFirst = [...entries].reverse();
    const from = encodeURIComponent(nth(oldestFirst, 1).createdAt.toISOString());
    const to = encodeURIComponent(nth(oldestFirst, 3).createdAt.toISOString());
    const windowed = await v1(`/v1/audit-log?from=${from}&to=${to}`, org.owner);
    expect(windowed.body.data.map((e: { action: string }) => e.action)).toEqual([
      nth(oldestFirst, 2).action,
      nth(oldestFirst, 1).action,
    ]);
  });

  it("is refused to members who are not owners or admins", async () => {
    const sub = unique("user_staff");
    const email = `${sub}@example.com`;
    await gqlData(server.url, InviteMember, { input: { organizationId: org.id, email, role: "staff" } }, org.owner);
    const staff = asUser(sub, { email });
    const response = await v1("/v1/audit-log", staff);
    expect(response.status).toBe(403);
  });
});

describe("the audit table in the database", () => {
  it("refuses UPDATE and DELETE to the API role, even inside the organization's scope", async () => {
    const org = await server.createOrganization("Immutable");
    const organizationId = uuidOf(org.id);
    const { appDb } = server.services;
    const inScope = <T>(work: (tx: Parameters<Parameters<typeof appDb.$transaction>[0]>[0]) => Promise<T>) =>
      appDb.$transaction(async (tx) => {
        await tx.$executeRaw`SELECT set_config('app.organization_id', ${organizationId}, true)`;
        return work(tx);
      });

    // The scope is right: the same role reads the rows.
    const visible = await inScope((tx) => tx.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_log`);
    expect(visible[0]?.n).toBe(1n);

    await expect(
      inScope(
        (tx) =>
          tx.$executeRaw`UPDATE audit_log SET action = 'tampered' WHERE organization_id = ${organizationId}::uuid`,
      ),
    ).rejects.toThrow(/permission denied for table audit_log/);
    await expect(
      inScope((tx) => tx.$executeRaw`DELETE FROM audit_log WHERE organization_id = ${organizationId}::uuid`),
    ).rejects.toThrow(/permission denied for table audit_log/);
    await expect(
      inScope((tx) => tx.auditLog.updateMany({ where: { organizationId }, data: { action: "tampered" } })),
    ).rejects.toThrow(/permission denied/);

    expect((await rowsOf(org)).map((r) => r.action)).toEqual(["organization.create"]);
  });

  it("keeps the trail of a deleted organization", async () => {
    const org = await server.createOrganization("Gone");
    const response = await fetch(`${server.url}/v1/organizations/${org.id}`, { method: "DELETE", headers: org.owner });
    expect(response.status).toBe(204);
    expect((await rowsOf(org)).map((r) => r.action)).toEqual(["organization.create", "organization.delete"]);
    expect((await rowsOf(org))[1]?.changes).toMatchObject({ before: { name: "Gone", slug: org.slug }, after: null });
  });
});
