import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { describeCrossTenant, edges, empty, notFound, operation } from "../support/cross-tenant.js";
import { gql, gqlData } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";

const CreateSpecialty = graphql(`
  mutation SpecialtiesCreate($input: CreateSpecialtyInput!) {
    createSpecialty(input: $input) {
      __typename
      ... on MutationCreateSpecialtySuccess { data { id name description } }
      ... on ValidationError { fields { path message } }
      ... on Error { code message }
    }
  }
`);

const UpdateSpecialty = graphql(`
  mutation SpecialtiesUpdate($id: ID!, $input: UpdateSpecialtyInput!) {
    updateSpecialty(id: $id, input: $input) {
      __typename
      ... on MutationUpdateSpecialtySuccess { data { id name description } }
      ... on Error { code message }
    }
  }
`);

const DeleteSpecialty = graphql(`
  mutation SpecialtiesDelete($id: ID!) { deleteSpecialty(id: $id) { __typename ... on Error { code } } }
`);

const CreateSpecialist = graphql(`
  mutation SpecialtiesCreateSpecialist($input: CreateSpecialistInput!) {
    createSpecialist(input: $input) { __typename ... on MutationCreateSpecialistSuccess { data { id } } }
  }
`);

const Attach = graphql(`
  mutation SpecialtiesAttach($input: SpecialistSpecialtyInput!) {
    attachSpecialty(input: $input) {
      __typename
      ... on MutationAttachSpecialtySuccess { data { id specialties { edges { node { name } } } } }
      ... on NotFoundError { entity }
      ... on Error { code message }
    }
  }
`);

const Detach = graphql(`
  mutation SpecialtiesDetach($input: SpecialistSpecialtyInput!) {
    detachSpecialty(input: $input) {
      __typename
      ... on MutationDetachSpecialtySuccess { data { id specialties { edges { node { name } } } } }
      ... on NotFoundError { entity }
      ... on Error { code message }
    }
  }
`);

const Specialty = graphql(`
  query SpecialtiesGet($id: ID!, $first: Int, $after: String) {
    specialty(id: $id) {
      name
      specialists(first: $first, after: $after) {
        edges { node { firstName lastName } }
        pageInfo { hasNextPage endCursor }
      }
    }
  }
`);

const List = graphql(`
  query SpecialtiesList($first: Int, $after: String) {
    specialties(first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } }
  }
`);

const SpecialistsWithSpecialties = graphql(`
  query SpecialtiesSpecialistsPage($first: Int) {
    specialists(first: $first) {
      edges {
        node {
          id
          firstName
          specialties(first: 10) { edges { node { id name specialists(first: 3) { edges { node { id } } } } } }
        }
      }
    }
  }
`);

const server = useTestServer({ container: { onQuery: (sql) => statements.push(sql) } });
let statements: string[] = [];

async function createSpecialty(org: TestOrganization, name: string) {
  const { createSpecialty: result } = await gqlData(server.url, CreateSpecialty, { input: { name } }, org.owner);
  if (result.__typename !== "MutationCreateSpecialtySuccess") throw new Error(JSON.stringify(result));
  return result.data;
}

async function createSpecialist(org: TestOrganization, firstName: string, lastName = "Reis") {
  const { createSpecialist: result } = await gqlData(
    server.url,
    CreateSpecialist,
    { input: { firstName, lastName } },
    org.owner,
  );
  if (result.__typename !== "MutationCreateSpecialistSuccess") throw new Error(JSON.stringify(result));
  return result.data;
}

async function attach(org: TestOrganization, specialistId: string, specialtyId: string) {
  const { attachSpecialty } = await gqlData(server.url, Attach, { input: { specialistId, specialtyId } }, org.owner);
  if (attachSpecialty.__typename !== "MutationAttachSpecialtySuccess") throw new Error(JSON.stringify(attachSpecialty));
  return attachSpecialty.data;
}

describe("specialties", () => {
  it("are created, renamed, listed by name and deleted; a name is unique in the organization", async () => {
    const org = await server.createOrganization();
    const physio = await createSpecialty(org, "Physiotherapy");
    await createSpecialty(org, "Chiropractic");
    const duplicate = await gqlData(server.url, CreateSpecialty, { input: { name: "Physiotherapy" } }, org.owner);
    expect(duplicate.createSpecialty).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    // Another organization may use the same name.
    await createSpecialty(await server.createOrganization(), "Physiotherapy");

    const renamed = await gqlData(
      server.url,
      UpdateSpecialty,
      { id: physio.id, input: { name: "Sports physiotherapy", description: "Athletes" } },
      org.owner,
    );
    expect(renamed.updateSpecialty).toMatchObject({ data: { name: "Sports physiotherapy", description: "Athletes" } });
    const clash = await v1(server.url, "PATCH", `/v1/specialties/${physio.id}`, org.owner, { name: "Chiropractic" });
    expect(clash.status).toBe(409);

    const page = await gqlData(server.url, List, { first: 1 }, org.owner);
    expect(page.specialties.edges.map((e) => e.node.name)).toEqual(["Chiropractic"]);
    const rest = await v1(server.url, "GET", `/v1/specialties?after=${page.specialties.pageInfo.endCursor}`, org.owner);
    expect(rest.body).toEqual({
      data: [expect.objectContaining({ name: "Sports physiotherapy", description: "Athletes" })],
      pageInfo: { hasNextPage: false, endCursor: expect.any(String) },
    });

    expect((await v1(server.url, "DELETE", `/v1/specialties/${physio.id}`, org.owner)).status).toBe(204);
    expect((await v1(server.url, "GET", `/v1/specialties/${physio.id}`, org.owner)).status).toBe(404);
  });

  it("reject bad input with typed field errors (422 on /v1) and write nothing", async () => {
    const org = await server.createOrganization();
    const empty = await gqlData(server.url, CreateSpecialty, { input: { name: "  " } }, org.owner);
    expect(empty.createSpecialty).toMatchObject({
      __typename: "ValidationError",
      fields: [{ path: ["input", "name"], message: "must not be empty" }],
    });
    const rest = await v1(server.url, "POST", "/v1/specialties", org.owner, {
      name: "OK",
      description: "x".repeat(2001),
    });
    expect(rest.status).toBe(422);
    expect(rest.body.error.fields).toEqual([{ path: ["input", "description"], message: expect.any(String) }]);
    expect((await v1(server.url, "GET", "/v1/specialties", org.owner)).body.data).toEqual([]);
  });

  it("are managed by owners and admins only, and read by every member", async () => {
    const org = await server.createOrganization();
    const specialty = await createSpecialty(org, "Osteopathy");
    for (const role of ["staff", "specialist", "patient"] as const) {
      const member = await server.addMember(org, role);
      const create = await gql(server.url, CreateSpecialty, { input: { name: `by ${role}` } }, member.headers);
      expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const list = await gqlData(server.url, List, {}, member.headers);
      expect(list.specialties.edges).toEqual([{ node: { name: "Osteopathy" } }]);
      expect((await v1(server.url, "DELETE", `/v1/specialties/${specialty.id}`, member.headers)).status).toBe(403);
    }
    const admin = await server.addMember(org, "admin");
    const created = await gqlData(server.url, CreateSpecialty, { input: { name: "By admin" } }, admin.headers);
    expect(created.createSpecialty.__typename).toBe("MutationCreateSpecialtySuccess");
  });
});

describe("specialists and their specialties", () => {
  it("attaches and detaches, lists each side by name, and pages the specialists of a specialty", async () => {
    const org = await server.createOrganization();
    const sports = await createSpecialty(org, "Sports");
    const neuro = await createSpecialty(org, "Neuro");
    const zoe = await createSpecialist(org, "Zoe", "Alves");
    const ana = await createSpecialist(org, "Ana", "Alves");
    const rui = await createSpecialist(org, "Rui", "Brito");

    expect(await attach(org, zoe.id, sports.id)).toMatchObject({
      specialties: { edges: [{ node: { name: "Sports" } }] },
    });
    const both = await attach(org, zoe.id, neuro.id);
    expect(both.specialties.edges.map((e) => e.node.name)).toEqual(["Neuro", "Sports"]);
    const viaRest = await v1(server.url, "POST", `/v1/specialties/${sports.id}/specialists`, org.owner, {
      specialistId: rui.id,
    });
    expect(viaRest.status).toBe(201);
    expect(viaRest.body).toMatchObject({ id: rui.id, firstName: "Rui" });
    await attach(org, ana.id, sports.id);

    const twice = await gqlData(
      server.url,
      Attach,
      { input: { specialistId: ana.id, specialtyId: sports.id } },
      org.owner,
    );
    expect(twice.attachSpecialty).toMatchObject({ __typename: "ConflictError" });

    const first = await gqlData(server.url, Specialty, { id: sports.id, first: 2 }, org.owner);
    expect(first.specialty?.specialists.edges.map((e) => e.node.firstName)).toEqual(["Ana", "Zoe"]);
    expect(first.specialty?.specialists.pageInfo.hasNextPage).toBe(true);
    const second = await v1(
      server.url,
      "GET",
      `/v1/specialties/${sports.id}/specialists?first=2&after=${first.specialty?.specialists.pageInfo.endCursor}`,
      org.owner,
    );
    expect(second.body).toMatchObject({ data: [{ firstName: "Rui" }], pageInfo: { hasNextPage: false } });
    const ofZoe = await v1(server.url, "GET", `/v1/specialists/${zoe.id}/specialties`, org.owner);
    expect(ofZoe.body.data.map((s: { name: string }) => s.name)).toEqual(["Neuro", "Sports"]);

    const detached = await gqlData(
      server.url,
      Detach,
      { input: { specialistId: zoe.id, specialtyId: sports.id } },
      org.owner,
    );
    expect(detached.detachSpecialty).toMatchObject({ data: { specialties: { edges: [{ node: { name: "Neuro" } }] } } });
    const again = await v1(server.url, "DELETE", `/v1/specialties/${sports.id}/specialists/${zoe.id}`, org.owner);
    expect(again.status).toBe(404);
    expect(
      (await v1(server.url, "DELETE", `/v1/specialties/${neuro.id}/specialists/${zoe.id}`, org.owner)).status,
    ).toBe(204);

    // Deleting a specialty takes it away from its specialists, nothing else.
    await gqlData(server.url, DeleteSpecialty, { id: sports.id }, org.owner);
    expect((await v1(server.url, "GET", `/v1/specialists/${rui.id}/specialties`, org.owner)).body.data).toEqual([]);
    expect((await v1(server.url, "GET", `/v1/specialists/${rui.id}`, org.owner)).status).toBe(200);
  });

  it("loads a page of specialists with their specialties in a number of statements that does not grow with the page", async () => {
    const org = await server.createOrganization();
    const specialties = [];
    for (const name of ["Cardio", "Neuro", "Ortho"]) specialties.push(await createSpecialty(org, name));
    for (let i = 0; i < 50; i++) {
      const specialist = await createSpecialist(org, `S${String(i).padStart(2, "0")}`);
      for (const specialty of specialties.slice(0, 1 + (i % 3))) await attach(org, specialist.id, specialty.id);
    }
    const count = async (first: number) => {
      statements = [];
      const result = await gqlData(server.url, SpecialistsWithSpecialties, { first }, org.owner);
      expect(result.specialists.edges).toHaveLength(first);
      expect(result.specialists.edges[2]?.node.specialties.edges.map((e) => e.node.name)).toEqual([
        "Cardio",
        "Neuro",
        "Ortho",
      ]);
      return statements.length;
    };
    const small = await count(5);
    const large = await count(50);
    expect(small).toBeGreaterThan(0);
    expect(large).toBe(small);
  });
});

describe("another organization's specialties", () => {
  let a: TestOrganization;
  let b: TestOrganization;
  let theirSpecialty: { id: string };
  let theirSpecialist: { id: string };
  let mySpecialist: { id: string };
  let mySpecialty: { id: string };

  beforeAll(async () => {
    [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
    theirSpecialty = await createSpecialty(b, "Theirs");
    theirSpecialist = await createSpecialist(b, "Theirs");
    await attach(b, theirSpecialist.id, theirSpecialty.id);
    mySpecialist = await createSpecialist(a, "Mine");
    mySpecialty = await createSpecialty(a, "Mine");
  });

  describeCrossTenant("are invisible, answer not found to every mutation, and cannot be linked across organizations", {
    server,
    as: () => a.owner,
    unchanged: async () => {
      const theirs = await gqlData(server.url, Specialty, { id: theirSpecialty.id }, b.owner);
      expect(theirs.specialty).toMatchObject({
        name: "Theirs",
        specialists: { edges: [{ node: { firstName: "Theirs" } }] },
      });
      expect(
        await server.services.adminDb.specialistSpecialty.count({
          where: {
            OR: [{ specialty: { name: "Theirs" }, specialist: { firstName: "Mine" } }, { specialty: { name: "Mine" } }],
          },
        }),
      ).toBe(0);
    },
    operations: [
      operation(Specialty, () => ({ id: theirSpecialty.id }), empty),
      operation(
        List,
        () => ({}),
        edges(() => [{ node: { name: "Mine" } }]),
        "lists A's own only",
      ),
      operation(UpdateSpecialty, () => ({ id: theirSpecialty.id, input: { name: "X" } }), notFound()),
      operation(DeleteSpecialty, () => ({ id: theirSpecialty.id }), notFound()),
      operation(
        Attach,
        () => ({ input: { specialistId: mySpecialist.id, specialtyId: theirSpecialty.id } }),
        notFound(),
        "B's specialty to A's specialist",
      ),
      operation(
        Attach,
        () => ({ input: { specialistId: theirSpecialist.id, specialtyId: mySpecialty.id } }),
        notFound(),
        "A's specialty to B's specialist",
      ),
      operation(
        Detach,
        () => ({ input: { specialistId: theirSpecialist.id, specialtyId: theirSpecialty.id } }),
        notFound(),
        "B's specialty from B's specialist",
      ),
      operation(
        Detach,
        () => ({ input: { specialistId: mySpecialist.id, specialtyId: theirSpecialty.id } }),
        notFound(),
        "B's specialty from A's specialist",
      ),
    ],
    ids: () => ({ specialty: theirSpecialty.id, specialist: theirSpecialist.id, mySpecialist: mySpecialist.id }),
    routes: [
      ["GET", "/v1/specialties/:specialty"],
      ["GET", "/v1/specialties/:specialty/specialists"],
      ["GET", "/v1/specialists/:specialist/specialties"],
      ["PATCH", "/v1/specialties/:specialty", { name: "X" }],
      ["DELETE", "/v1/specialties/:specialty"],
      ["POST", "/v1/specialties/:specialty/specialists", { specialistId: ":mySpecialist" }],
      ["DELETE", "/v1/specialties/:specialty/specialists/:specialist"],
    ],
  });
});
