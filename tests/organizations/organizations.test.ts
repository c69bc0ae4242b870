import { describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { asUser, type Headers, unique } from "../support/auth.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import {
  CreateOrganization,
  DeleteOrganization,
  SwitchOrganization,
  UpdateOrganization,
} from "../support/organization-documents.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();

const defaultSettings = {
  onboardingSteps: [],
  firstBookingWithoutOnboarding: "flag",
  cancellationNoticeHours: 24,
  reminderWindowHours: 24,
};

const Me = graphql(`
  query OrgsMe {
    me {
      kind
      role
      activeOrganization { id slug }
      memberships(first: 50) { edges { node { role organization { id } } } }
    }
  }
`);

const ById = graphql(`
  query OrgsById($id: ID!) { organization(id: $id) { id name slug timezone locale settings } }
`);

const BySlug = graphql(`
  query OrgsBySlug($slug: String!) { organizationBySlug(slug: $slug) { id name slug } }
`);

const List = graphql(`
  query OrgsList($first: Int, $after: String) {
    organizations(first: $first, after: $after) {
      edges { cursor node { id slug } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

/** A `/v1` call with a JSON body, answering status and parsed body (null for 204). */
async function v1(method: string, path: string, headers: Headers, body?: unknown) {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: { ...headers, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  // biome-ignore lint/suspicious/noExplicitAny: response bodies are checked field by field
  return { status: response.status, body: (text ? JSON.parse(text) : null) as any };
}

/** A signed-in user who belongs to no organization yet. */
function newUser(): Headers {
  const sub = unique("user_orgs");
  return asUser(sub, { email: `${sub}@example.com` });
}

async function create(headers: Headers, input: { name: string; slug: string } & Record<string, unknown>) {
  const result = await gqlData(server.url, CreateOrganization, { input }, headers);
  if (result.createOrganization.__typename !== "MutationCreateOrganizationSuccess")
    throw new Error(`createOrganization failed: ${JSON.stringify(result)}`);
  return result.createOrganization.data;
}

describe("createOrganization", () => {
  it("makes the creator its owner and its active organization, and `me` shows it", async () => {
    const user = newUser();
    const before = await gqlData(server.url, Me, {}, user);
    expect(before.me).toMatchObject({ kind: "user", role: null, activeOrganization: null });

    const slug = unique("clinic");
    const result = await gqlData(
      server.url,
      CreateOrganization,
      { input: { name: "  Physio Nord  ", slug, timezone: "Europe/Berlin", locale: "de-DE" } },
      user,
    );
    expect(result.createOrganization).toEqual({
      __typename: "MutationCreateOrganizationSuccess",
      data: {
        id: expect.any(String),
        name: "Physio Nord",
        slug,
        timezone: "Europe/Berlin",
        locale: "de-DE",
        settings: defaultSettings,
      },
    });
    if (result.createOrganization.__typename !== "MutationCreateOrganizationSuccess")
      throw new Error("expected a success");
    const { id } = result.createOrganization.data;

    const after = await gqlData(server.url, Me, {}, user);
    expect(after.me.role).toBe("owner");
    expect(after.me.activeOrganization).toEqual({ id, slug });
    expect(after.me.memberships.edges.map((e) => e.node)).toEqual([{ role: "owner", organization: { id } }]);
  });

  it("fills in the default time zone and locale, and answers 201 with the organization on /v1", async () => {
    const user = newUser();
    const slug = unique("rest");
    const response = await v1("POST", "/v1/organizations", user, { name: "Rest Clinic", slug });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      name: "Rest Clinic",
      slug,
      timezone: "UTC",
      locale: "en",
      settings: defaultSettings,
    });
    const me = await v1("GET", "/v1/me", user);
    expect(me.body).toMatchObject({ role: "owner", activeOrganization: { id: response.body.id, slug } });
  });

  it("answers a taken slug with a ConflictError (and 409 on /v1), creating nothing", async () => {
    const first = await server.createOrganization("First");
    const user = newUser();
    const result = await gqlData(server.url, CreateOrganization, { input: { name: "Second", slug: first.slug } }, user);
    expect(result.createOrganization).toEqual({
      __typename: "ConflictError",
      code: "CONFLICT",
      message: `The slug "${first.slug}" is taken`,
    });
    const rest = await v1("POST", "/v1/organizations", user, { name: "Second", slug: first.slug });
    expect(rest.status).toBe(409);
    expect(rest.body).toEqual({ error: { code: "CONFLICT", message: `The slug "${first.slug}" is taken` } });
    expect(await server.services.adminDb.organization.count({ where: { slug: first.slug } })).toBe(1);
    const me = await gqlData(server.url, Me, {}, user);
    expect(me.me.activeOrganization).toBeNull();
    expect(me.me.memberships.edges).toEqual([]);
  });

  it.each([
    ["name", { name: "   " }],
    ["slug", { slug: "Not A Slug" }],
    ["slug", { slug: "-leading-dash" }],
    ["timezone", { timezone: "Mars/Olympus_Mons" }],
    ["locale", { locale: "not a locale!" }],
  ])("rejects a bad %s with a ValidationError naming the field (422 on /v1) %j", async (field, bad) => {
    const user = newUser();
    const slug = unique("valid");
    const input = { name: "Valid", slug, ...bad };
    const result = await gqlData(server.url, CreateOrganization, { input }, user);
    expect(result.createOrganization).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      message: expect.stringContaining(`input.${field}`),
      fields: [{ path: ["input", field], message: expect.any(String) }],
    });
    const rest = await v1("POST", "/v1/organizations", user, input);
    expect(rest.status).toBe(422);
    expect(rest.body).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: expect.any(String),
        fields: [{ path: ["input", field], message: expect.any(String) }],
      },
    });
    expect(await server.services.adminDb.organization.count({ where: { slug: input.slug } })).toBe(0);
  });

  it("rejects unknown settings keys with a ValidationError whose paths name them", async () => {
    const user = newUser();
    const slug = unique("settings");
    const result = await gqlData(
      server.url,
      CreateOrganization,
      { input: { name: "Settings", slug, settings: { cancellationNoticeHours: 12, colour: "blue" } } },
      user,
    );
    expect(result.createOrganization).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const paths = result.createOrganization.__typename === "ValidationError" ? result.createOrganization.fields : [];
    expect(paths.map((f) => f.path)).toEqual([["input", "settings", "colour"]]);
    expect(await server.services.adminDb.organization.count({ where: { slug } })).toBe(0);
  });
});

describe("updateOrganization", () => {
  it("changes only the fields given", async () => {
    const org = await server.createOrganization("Before");
    const original = (await gqlData(server.url, ById, { id: org.id }, org.owner)).organization;

    const renamed = await gqlData(server.url, UpdateOrganization, { id: org.id, input: { name: "After" } }, org.owner);
    expect(renamed.updateOrganization).toEqual({
      __typename: "MutationUpdateOrganizationSuccess",
      data: { ...original, name: "After" },
    });

    const moved = await gqlData(
      server.url,
      UpdateOrganization,
      { id: org.id, input: { timezone: "America/Sao_Paulo", locale: "pt-BR" } },
      org.owner,
    );
    expect(moved.updateOrganization).toEqual({
      __typename: "MutationUpdateOrganizationSuccess",
      data: { ...original, name: "After", timezone: "America/Sao_Paulo", locale: "pt-BR" },
    });

    const rest = await v1("PATCH", `/v1/organizations/${org.id}`, org.owner, {
      settings: { cancellationNoticeHours: 48 },
    });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({
      ...original,
      name: "After",
      timezone: "America/Sao_Paulo",
      locale: "pt-BR",
      settings: { ...defaultSettings, cancellationNoticeHours: 48 },
    });
    const stored = await server.services.adminDb.organization.findUniqueOrThrow({ where: { id: uuidOf(org.id) } });
    expect(stored).toMatchObject({
      name: "After",
      slug: org.slug,
      timezone: "America/Sao_Paulo",
      locale: "pt-BR",
      settings: { ...defaultSettings, cancellationNoticeHours: 48 },
    });
  });

  it("validates settings: unknown keys and bad values are rejected with their paths, nothing changes", async () => {
    const org = await server.createOrganization("Strict");
    const unknownKey = await gqlData(
      server.url,
      UpdateOrganization,
      { id: org.id, input: { settings: { cancellationNoticeHours: 2, onbordingSteps: ["typo"] } } },
      org.owner,
    );
    expect(unknownKey.updateOrganization).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    const unknownPaths =
      unknownKey.updateOrganization.__typename === "ValidationError" ? unknownKey.updateOrganization.fields : [];
    expect(unknownPaths.map((f) => f.path)).toEqual([["input", "settings", "onbordingSteps"]]);

    const badValue = await gqlData(
      server.url,
      UpdateOrganization,
      { id: org.id, input: { settings: { cancellationNoticeHours: -1, firstBookingWithoutOnboarding: "maybe" } } },
      org.owner,
    );
    expect(badValue.updateOrganization).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      message: "Input is invalid",
      fields: expect.arrayContaining([
        { path: ["input", "settings", "cancellationNoticeHours"], message: expect.any(String) },
        { path: ["input", "settings", "firstBookingWithoutOnboarding"], message: expect.any(String) },
      ]),
    });

    const rest = await v1("PATCH", `/v1/organizations/${org.id}`, org.owner, { settings: { colour: "red" } });
    expect(rest.status).toBe(422);
    expect(rest.body.error.code).toBe("VALIDATION_FAILED");
    expect(rest.body.error.fields.map((f: { path: string[] }) => f.path)).toEqual([["input", "settings", "colour"]]);

    const stored = await server.services.adminDb.organization.findUniqueOrThrow({ where: { id: uuidOf(org.id) } });
    expect(stored.settings).toEqual(defaultSettings);
  });

  it.each([
    ["name", { name: "" }],
    ["slug", { slug: "UPPER" }],
    ["timezone", { timezone: "Europe/Atlantis" }],
    ["locale", { locale: "@@" }],
  ])("rejects a bad %s with a ValidationError and 422 on /v1, nothing changes", async (field, bad) => {
    const org = await server.createOrganization("Unchanged");
    const result = await gqlData(server.url, UpdateOrganization, { id: org.id, input: bad }, org.owner);
    expect(result.updateOrganization).toEqual({
      __typename: "ValidationError",
      code: "VALIDATION_FAILED",
      message: expect.any(String),
      fields: [{ path: ["input", field], message: expect.any(String) }],
    });
    const rest = await v1("PATCH", `/v1/organizations/${org.id}`, org.owner, bad);
    expect(rest.status).toBe(422);
    expect(rest.body.error).toMatchObject({ code: "VALIDATION_FAILED", fields: [{ path: ["input", field] }] });
    const stored = await server.services.adminDb.organization.findUniqueOrThrow({ where: { id: uuidOf(org.id) } });
    expect(stored).toMatchObject({ name: "Unchanged", slug: org.slug, timezone: "UTC", locale: "en" });
  });

  it("answers a slug another organization holds with a ConflictError (409 on /v1)", async () => {
    const [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
    const result = await gqlData(server.url, UpdateOrganization, { id: a.id, input: { slug: b.slug } }, a.owner);
    expect(result.updateOrganization).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    const rest = await v1("PATCH", `/v1/organizations/${a.id}`, a.owner, { slug: b.slug, name: "Renamed" });
    expect(rest.status).toBe(409);
    expect(rest.body.error.code).toBe("CONFLICT");
    const stored = await server.services.adminDb.organization.findUniqueOrThrow({ where: { id: uuidOf(a.id) } });
    expect(stored).toMatchObject({ slug: a.slug, name: "A" });
  });
});

describe("deleteOrganization", () => {
  it("is refused to an admin that is not an owner", async () => {
    const org = await server.createOrganization("Kept");
    const { key } = await server.createApiKey(org, "admin");
    const result = await gql(server.url, DeleteOrganization, { id: org.id }, { "x-api-key": key });
    expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(await server.services.adminDb.organization.count({ where: { id: uuidOf(org.id) } })).toBe(1);
  });

  it("lets the owner delete the organization and everything it owns", async () => {
    const org = await server.createOrganization("Doomed");
    await server.createApiKey(org, "staff");
    const result = await gqlData(server.url, DeleteOrganization, { id: org.id }, org.owner);
    expect(result.deleteOrganization).toEqual({
      __typename: "MutationDeleteOrganizationSuccess",
      data: { id: org.id, slug: org.slug },
    });
    const uuid = uuidOf(org.id);
    const { adminDb } = server.services;
    expect(await adminDb.organization.count({ where: { id: uuid } })).toBe(0);
    expect(await adminDb.userOrganization.count({ where: { organizationId: uuid } })).toBe(0);
    expect(await adminDb.apiKey.count({ where: { organizationId: uuid } })).toBe(0);
    expect((await gqlData(server.url, ById, { id: org.id }, org.owner)).organization).toBeNull();
    const me = await gqlData(server.url, Me, {}, org.owner);
    expect(me.me).toMatchObject({ role: null, activeOrganization: null, memberships: { edges: [] } });
  });

  it("answers 204 on /v1", async () => {
    const org = await server.createOrganization("Doomed by REST");
    const response = await v1("DELETE", `/v1/organizations/${org.id}`, org.owner);
    expect(response).toEqual({ status: 204, body: null });
    expect(await server.services.adminDb.organization.count({ where: { id: uuidOf(org.id) } })).toBe(0);
  });
});

describe("organizationBySlug", () => {
  it("finds an organization you belong to by its slug, and not another's", async () => {
    const [mine, theirs] = await Promise.all([server.createOrganization("Mine"), server.createOrganization("Theirs")]);
    const found = await gqlData(server.url, BySlug, { slug: mine.slug }, mine.owner);
    expect(found.organizationBySlug).toEqual({ id: mine.id, name: "Mine", slug: mine.slug });
    expect((await gqlData(server.url, BySlug, { slug: theirs.slug }, mine.owner)).organizationBySlug).toBeNull();
    expect((await gqlData(server.url, BySlug, { slug: unique("nobody") }, mine.owner)).organizationBySlug).toBeNull();

    const rest = await v1("GET", `/v1/organizations/by-slug/${mine.slug}`, mine.owner);
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ id: mine.id, name: "Mine", slug: mine.slug });
    expect((await v1("GET", `/v1/organizations/by-slug/${theirs.slug}`, mine.owner)).status).toBe(404);
  });
});

describe("organizations", () => {
  it("pages through the organizations you belong to with first/after, oldest first", async () => {
    const user = newUser();
    const created = [];
    for (const name of ["One", "Two", "Three"]) created.push(await create(user, { name, slug: unique("page") }));
    await server.createOrganization("Someone else's");

    const page1 = await gqlData(server.url, List, { first: 2 }, user);
    expect(page1.organizations.edges.map((e) => e.node.id)).toEqual([created[0]?.id, created[1]?.id]);
    expect(page1.organizations.pageInfo).toEqual({ hasNextPage: true, endCursor: expect.any(String) });

    const page2 = await gqlData(server.url, List, { first: 2, after: page1.organizations.pageInfo.endCursor }, user);
    expect(page2.organizations.edges.map((e) => e.node.id)).toEqual([created[2]?.id]);
    expect(page2.organizations.pageInfo.hasNextPage).toBe(false);
  });

  it("answers /v1/organizations?first=1 with { data, pageInfo } pages", async () => {
    const user = newUser();
    const one = await create(user, { name: "One", slug: unique("rest-page") });
    const two = await create(user, { name: "Two", slug: unique("rest-page") });

    const first = await v1("GET", "/v1/organizations?first=1", user);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      data: [expect.objectContaining({ id: one.id, slug: one.slug, name: "One" })],
      pageInfo: { hasNextPage: true, endCursor: expect.any(String) },
    });
    const second = await v1(
      "GET",
      `/v1/organizations?first=1&after=${encodeURIComponent(first.body.pageInfo.endCursor)}`,
      user,
    );
    expect(second.body).toEqual({
      data: [expect.objectContaining({ id: two.id, slug: two.slug, name: "Two" })],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });
  });
});

describe("switchOrganization", () => {
  it("switches to an organization you belong to, and `me.activeOrganization` follows", async () => {
    const user = newUser();
    const first = await create(user, { name: "First", slug: unique("switch") });
    const second = await create(user, { name: "Second", slug: unique("switch") });
    expect((await gqlData(server.url, Me, {}, user)).me.activeOrganization?.id).toBe(second.id);

    const result = await gqlData(server.url, SwitchOrganization, { organizationId: first.id }, user);
    expect(result.switchOrganization).toEqual({
      __typename: "MutationSwitchOrganizationSuccess",
      data: { id: first.id, slug: first.slug },
    });
    const me = await gqlData(server.url, Me, {}, user);
    expect(me.me).toMatchObject({ role: "owner", activeOrganization: { id: first.id, slug: first.slug } });
    // Writes now act on the newly active organization.
    const renamed = await gqlData(
      server.url,
      UpdateOrganization,
      { id: first.id, input: { name: "First, renamed" } },
      user,
    );
    expect(renamed.updateOrganization.__typename).toBe("MutationUpdateOrganizationSuccess");

    const rest = await v1("POST", "/v1/me/switch-organization", user, { organizationId: second.id });
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual({ id: second.id, name: "Second", slug: second.slug });
    expect((await v1("GET", "/v1/me", user)).body.activeOrganization).toEqual({
      id: second.id,
      name: "Second",
      slug: second.slug,
    });
  });

  it("refuses an organization you do not belong to as not found, keeping the active one", async () => {
    const user = newUser();
    const mine = await create(user, { name: "Mine", slug: unique("switch") });
    const other = await server.createOrganization("Other");
    const result = await gqlData(server.url, SwitchOrganization, { organizationId: other.id }, user);
    expect(result.switchOrganization).toMatchObject({ __typename: "NotFoundError", code: "NOT_FOUND" });
    expect((await gqlData(server.url, Me, {}, user)).me.activeOrganization?.id).toBe(mine.id);
    const rest = await v1("POST", "/v1/me/switch-organization", user, { organizationId: other.id });
    expect(rest.status).toBe(404);
  });
});
