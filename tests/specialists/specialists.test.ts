import { beforeAll, describe, expect, it } from "vitest";
import { inScopedTransaction } from "../../src/db/tenant.js";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { describeCrossTenant, empty, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import type { TestMember } from "../support/members.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";

const Create = graphql(`
  mutation SpecialistsCreate($input: CreateSpecialistInput!) {
    createSpecialist(input: $input) {
      __typename
      ... on MutationCreateSpecialistSuccess { data { id firstName lastName email timezone bio active } }
      ... on ValidationError { fields { path message } }
      ... on Error { code message }
    }
  }
`);

const Update = graphql(`
  mutation SpecialistsUpdate($id: ID!, $input: UpdateSpecialistInput!) {
    updateSpecialist(id: $id, input: $input) {
      __typename
      ... on MutationUpdateSpecialistSuccess { data { id firstName bio timezone active } }
      ... on ValidationError { fields { path message } }
      ... on Error { code message }
    }
  }
`);

const Delete = graphql(`
  mutation SpecialistsDelete($id: ID!) {
    deleteSpecialist(id: $id) { __typename ... on Error { code message } }
  }
`);

const Link = graphql(`
  mutation SpecialistsLink($input: LinkSpecialistUserInput!) {
    linkSpecialistUser(input: $input) {
      __typename
      ... on MutationLinkSpecialistUserSuccess { data { id user { id } } }
      ... on NotFoundError { entity }
      ... on Error { code message }
    }
  }
`);

const Get = graphql(`
  query SpecialistsGet($id: ID!) { specialist(id: $id) { id firstName bio active } }
`);

const List = graphql(`
  query SpecialistsList($filter: SpecialistFilter, $first: Int, $after: String) {
    specialists(filter: $filter, first: $first, after: $after) {
      edges { node { firstName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const WithUser = graphql(`
  query SpecialistsWithUser($id: ID!) { specialist(id: $id) { id user { id } } }
`);

const server = useTestServer();

async function createSpecialist(org: TestOrganization, firstName = "Sam", extra: Record<string, unknown> = {}) {
  const { createSpecialist: result } = await gqlData(
    server.url,
    Create,
    { input: { firstName, lastName: "Reis", ...extra } },
    org.owner,
  );
  if (result.__typename !== "MutationCreateSpecialistSuccess") throw new Error(JSON.stringify(result));
  return result.data;
}

const names = (list: { specialists: { edges: { node: { firstName: string } }[] } }) =>
  list.specialists.edges.map((e) => e.node.firstName);

describe("managing specialists", () => {
  it("creates a specialist, active and in the organization's time zone unless told otherwise", async () => {
    const org = await server.createOrganization();
    const specialist = await createSpecialist(org, "Sam", { email: "Sam@Clinic.example", bio: "  Knees. " });
    expect(specialist).toMatchObject({
      firstName: "Sam",
      email: "sam@clinic.example",
      timezone: "UTC",
      bio: "Knees.",
      active: true,
    });
    const other = await createSpecialist(org, "Inês", { timezone: "Europe/Lisbon", active: false });
    expect(other).toMatchObject({ timezone: "Europe/Lisbon", active: false });
  });

  it.each([
    ["firstName", "", "must not be empty"],
    ["email", "sam@", "must be an email address"],
    ["timezone", "Europe/Atlantis", "must be an IANA time zone such as Europe/Berlin"],
    ["bio", "x".repeat(5001), "Too big: expected string to have <=5000 characters"],
  ])("rejects a bad %s with a typed error on its path, and writes nothing", async (field, value, message) => {
    const org = await server.createOrganization();
    const before = await server.services.adminDb.specialist.count();
    const { createSpecialist: result } = await gqlData(
      server.url,
      Create,
      { input: { firstName: "Sam", lastName: "Reis", [field]: value } },
      org.owner,
    );
    expect(result).toMatchObject({ __typename: "ValidationError" });
    expect(result.__typename === "ValidationError" && result.fields).toEqual([{ path: ["input", field], message }]);
    expect(await server.services.adminDb.specialist.count()).toBe(before);
  });

  it("updates, deactivates, lists with filters and pages, and deletes, on GraphQL and /v1", async () => {
    const org = await server.createOrganization();
    const ana = await createSpecialist(org, "Ana", { lastName: "Alves" });
    await createSpecialist(org, "Bruno", { lastName: "Brito" });
    await createSpecialist(org, "Carla", { lastName: "Costa" });

    const update = await gqlData(
      server.url,
      Update,
      { id: ana.id, input: { bio: "Shoulders", active: false } },
      org.owner,
    );
    expect(update.updateSpecialist).toMatchObject({ data: { bio: "Shoulders", active: false } });
    const cleared = await v1(server.url, "PATCH", `/v1/specialists/${ana.id}`, org.owner, { bio: null });
    expect(cleared.body).toMatchObject({ id: ana.id, bio: null, active: false });
    const invalid = await v1(server.url, "PATCH", `/v1/specialists/${ana.id}`, org.owner, { timezone: "Moon/Base" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields).toEqual([{ path: ["input", "timezone"], message: expect.any(String) }]);

    expect(names(await gqlData(server.url, List, { filter: { active: true } }, org.owner))).toEqual(["Bruno", "Carla"]);
    expect(names(await gqlData(server.url, List, { filter: { search: "co" } }, org.owner))).toEqual(["Carla"]);
    const page = await gqlData(server.url, List, { first: 2 }, org.owner);
    expect(names(page)).toEqual(["Ana", "Bruno"]);
    const rest = await v1(
      server.url,
      "GET",
      `/v1/specialists?first=2&after=${page.specialists.pageInfo.endCursor}`,
      org.owner,
    );
    expect(rest.body).toMatchObject({ data: [{ firstName: "Carla" }], pageInfo: { hasNextPage: false } });
    expect((await v1(server.url, "GET", "/v1/specialists?active=false", org.owner)).body.data).toMatchObject([
      { id: ana.id },
    ]);
    expect((await v1(server.url, "GET", "/v1/specialists?active=nope", org.owner)).status).toBe(400);

    expect((await v1(server.url, "DELETE", `/v1/specialists/${ana.id}`, org.owner)).status).toBe(204);
    expect((await gqlData(server.url, Get, { id: ana.id }, org.owner)).specialist).toBeNull();
    expect((await v1(server.url, "GET", `/v1/specialists/${ana.id}`, org.owner)).status).toBe(404);
  });

  it("creates one through /v1 with 201, and answers 422 with the fields of bad input", async () => {
    const org = await server.createOrganization();
    const created = await v1(server.url, "POST", "/v1/specialists", org.owner, {
      firstName: "Rita",
      lastName: "Lopes",
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ firstName: "Rita", active: true, user: null });
    const invalid = await v1(server.url, "POST", "/v1/specialists", org.owner, { firstName: "Rita", lastName: " " });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields).toEqual([{ path: ["input", "lastName"], message: "must not be empty" }]);
  });
});

describe("specialists' own profiles and roles", () => {
  let org: TestOrganization;
  let member: TestMember;
  let own: { id: string };
  let colleague: { id: string };

  beforeAll(async () => {
    org = await server.createOrganization();
    member = await server.addMember(org, "specialist");
    own = await createSpecialist(org, "Own");
    colleague = await createSpecialist(org, "Colleague");
    const linked = await gqlData(
      server.url,
      Link,
      { input: { specialistId: own.id, userId: member.userId } },
      org.owner,
    );
    expect(linked.linkSpecialistUser).toMatchObject({ data: { user: { id: member.userId } } });
  });

  it("a specialist user edits their own profile", async () => {
    const result = await gqlData(
      server.url,
      Update,
      { id: own.id, input: { bio: "Sports injuries", timezone: "Europe/Madrid" } },
      member.headers,
    );
    expect(result.updateSpecialist).toMatchObject({ data: { bio: "Sports injuries", timezone: "Europe/Madrid" } });
  });

  it("but not a colleague's, nor their own active flag (403 on /v1)", async () => {
    const other = await gqlData(server.url, Update, { id: colleague.id, input: { bio: "Mine now" } }, member.headers);
    expect(other.updateSpecialist).toMatchObject({ __typename: "ForbiddenError", code: "FORBIDDEN" });
    const active = await v1(server.url, "PATCH", `/v1/specialists/${own.id}`, member.headers, { active: false });
    expect(active.status).toBe(403);
    const row = await gqlData(server.url, Get, { id: colleague.id }, org.owner);
    expect(row.specialist).toMatchObject({ bio: null, active: true });
    expect((await gqlData(server.url, Get, { id: own.id }, org.owner)).specialist?.active).toBe(true);
  });

  it("the database itself lets the specialist role update only the profile linked to its user", async () => {
    const scope = { organizationId: uuidOf(org.id), userId: uuidOf(member.userId), role: "specialist" };
    const setBio = (id: string) =>
      inScopedTransaction(server.services.appDb, scope, (tx) =>
        tx.specialist.updateMany({ where: { id: uuidOf(id) }, data: { bio: "set in SQL" } }),
      );
    expect(await setBio(colleague.id)).toEqual({ count: 0 });
    expect(await setBio(own.id)).toEqual({ count: 1 });
  });

  it("a specialist member with no linked profile, or an API key with the specialist role, edits none", async () => {
    const unlinked = await server.addMember(org, "specialist");
    const result = await gqlData(server.url, Update, { id: own.id, input: { bio: "x" } }, unlinked.headers);
    expect(result.updateSpecialist.__typename).toBe("ForbiddenError");
    const key = await server.createApiKey(org, "specialist");
    const byKey = await gqlData(server.url, Update, { id: own.id, input: { bio: "x" } }, { "x-api-key": key.key });
    expect(byKey.updateSpecialist.__typename).toBe("ForbiddenError");
  });

  it("staff and patients read specialists but change none; only owners and admins create or delete", async () => {
    for (const role of ["staff", "patient"] as const) {
      const someone = await server.addMember(org, role);
      expect(names(await gqlData(server.url, List, {}, someone.headers))).toEqual(["Colleague", "Own"]);
      const update = await gql(server.url, Update, { id: own.id, input: { bio: "x" } }, someone.headers);
      expect(update.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const create = await gql(server.url, Create, { input: { firstName: "A", lastName: "B" } }, someone.headers);
      expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const patient = await server.addMember(org, "patient");
    const withUser = await gql(server.url, WithUser, { id: own.id }, patient.headers);
    expect(withUser.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(withUser.data?.specialist).toEqual({ id: own.id, user: null });
    const del = await gql(server.url, Delete, { id: colleague.id }, member.headers);
    expect(del.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("linking a user account", () => {
  it("links a staff-side member, refuses a patient member, an outsider and a second profile, and unlinks", async () => {
    const org = await server.createOrganization();
    const first = await createSpecialist(org, "First");
    const second = await createSpecialist(org, "Second");
    const admin = await server.addMember(org, "admin");
    const patient = await server.addMember(org, "patient");
    const outsider = await server.addMember(await server.createOrganization(), "specialist");

    const linked = await v1(server.url, "PUT", `/v1/specialists/${first.id}/user`, org.owner, { userId: admin.userId });
    expect(linked.status).toBe(200);
    expect(linked.body.user).toEqual({ id: admin.userId, email: expect.any(String) });
    const twice = await gqlData(
      server.url,
      Link,
      { input: { specialistId: second.id, userId: admin.userId } },
      org.owner,
    );
    expect(twice.linkSpecialistUser).toMatchObject({ __typename: "ConflictError" });
    const asPatient = await gqlData(
      server.url,
      Link,
      { input: { specialistId: second.id, userId: patient.userId } },
      org.owner,
    );
    expect(asPatient.linkSpecialistUser).toMatchObject({ __typename: "ConflictError" });
    const foreign = await gqlData(
      server.url,
      Link,
      { input: { specialistId: second.id, userId: outsider.userId } },
      org.owner,
    );
    expect(foreign.linkSpecialistUser).toMatchObject({ __typename: "NotFoundError", entity: "User" });

    const unlinked = await v1(server.url, "DELETE", `/v1/specialists/${first.id}/user`, org.owner);
    expect(unlinked.body).toMatchObject({ id: first.id, user: null });
  });
});

describe("another organization's specialists", () => {
  let a: TestOrganization;
  let b: TestOrganization;
  let theirs: { id: string };
  const theirRow = () => server.services.adminDb.specialist.findUniqueOrThrow({ where: { id: uuidOf(theirs.id) } });
  let theirsBefore: Awaited<ReturnType<typeof theirRow>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
    theirs = await createSpecialist(b, "Theirs");
    theirsBefore = await theirRow();
  });

  describeCrossTenant("are invisible, answer not found to every mutation and stay unchanged", {
    server,
    as: () => a.owner,
    unchanged: async () => expect(await theirRow()).toEqual(theirsBefore),
    operations: [
      operation(Get, () => ({ id: theirs.id }), empty),
      operation(List, () => ({}), empty),
      operation(Update, () => ({ id: theirs.id, input: { bio: "x" } }), notFound()),
      operation(Delete, () => ({ id: theirs.id }), notFound()),
      operation(Link, () => ({ input: { specialistId: theirs.id, userId: null } }), notFound()),
    ],
    ids: () => ({ specialist: theirs.id }),
    routes: [
      ["GET", "/v1/specialists/:specialist"],
      ["PATCH", "/v1/specialists/:specialist", { bio: "x" }],
      ["DELETE", "/v1/specialists/:specialist"],
      ["PUT", "/v1/specialists/:specialist/user", { userId: null }],
      ["DELETE", "/v1/specialists/:specialist/user"],
    ],
  });
});
