import { beforeAll, describe, expect, it } from "vitest";
import { scopedClient } from "../../src/db/tenant.js";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { describeCrossTenant, empty, notFound, operation } from "../support/cross-tenant.js";
import { globalId, gql, gqlData, uuidOf } from "../support/graphql.js";
import type { addMember } from "../support/members.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createPatient, linkPatientUser } from "./fixtures.js";

const Create = graphql(`
  mutation PatientsCreate($input: CreatePatientInput!) {
    createPatient(input: $input) {
      __typename
      ... on MutationCreatePatientSuccess {
        data { id firstName lastName email phone dateOfBirth timezone locale status onboardedAt archivedAt createdAt }
      }
      ... on ValidationError { fields { path message } }
      ... on Error { code message }
    }
  }
`);

const Update = graphql(`
  mutation PatientsUpdate($id: ID!, $input: UpdatePatientInput!) {
    updatePatient(id: $id, input: $input) {
      __typename
      ... on MutationUpdatePatientSuccess { data { id firstName lastName email phone dateOfBirth timezone locale } }
      ... on ValidationError { fields { path message } }
      ... on Error { code message }
    }
  }
`);

const Get = graphql(`
  query PatientsGet($id: ID!) { patient(id: $id) { id firstName email archivedAt user { id } } }
`);

const List = graphql(`
  query PatientsList($filter: PatientFilter, $first: Int, $after: String) {
    patients(filter: $filter, first: $first, after: $after) {
      edges { node { id firstName lastName } }
      pageInfo { hasNextPage endCursor }
    }
  }
`);

const Archive = graphql(`
  mutation PatientsArchive($id: ID!) {
    archivePatient(id: $id) {
      __typename
      ... on MutationArchivePatientSuccess { data { id archivedAt } }
      ... on Error { code message }
    }
  }
`);

const Restore = graphql(`
  mutation PatientsRestore($id: ID!) {
    restorePatient(id: $id) {
      __typename
      ... on MutationRestorePatientSuccess { data { id archivedAt } }
      ... on Error { code message }
    }
  }
`);

const Link = graphql(`
  mutation PatientsLink($input: LinkPatientUserInput!) {
    linkPatientUser(input: $input) {
      __typename
      ... on MutationLinkPatientUserSuccess { data { id user { id } } }
      ... on NotFoundError { entity }
      ... on Error { code message }
    }
  }
`);

const CompleteStep = graphql(`
  mutation PatientsCompleteStep($patientId: ID!, $step: String!) {
    completePatientOnboardingStep(patientId: $patientId, step: $step) { __typename ... on Error { code message } }
  }
`);

const MePatient = graphql(`
  query PatientsMe { me { role impersonating patient { id firstName } } }
`);

const Audit = graphql(`
  query PatientsAudit($filter: AuditLogFilter) {
    auditLog(filter: $filter, first: 10) {
      edges { node { action entityId actorUserId actorPatientId impersonatorUserId changes } }
    }
  }
`);

const server = useTestServer();

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
const names = (list: { patients: { edges: { node: { firstName: string } }[] } }) =>
  list.patients.edges.map((e) => e.node.firstName);

describe("creating and changing patients", () => {
  it("creates a patient with normalised contact details and the organization's time zone and locale", async () => {
    const org = await server.createOrganization();
    const { createPatient: result } = await gqlData(
      server.url,
      Create,
      {
        input: {
          firstName: "  Ana ",
          lastName: "Silva",
          email: "Ana.Silva@Example.com",
          phone: "+1 (415) 555-0123",
          dateOfBirth: "1990-04-23",
        },
      },
      org.owner,
    );
    expect(result).toMatchObject({
      __typename: "MutationCreatePatientSuccess",
      data: {
        firstName: "Ana",
        lastName: "Silva",
        email: "ana.silva@example.com",
        phone: "+14155550123",
        dateOfBirth: "1990-04-23",
        timezone: "UTC",
        locale: "en",
        // The organization requires no onboarding step: active at once.
        status: "active",
        onboardedAt: expect.any(String),
        archivedAt: null,
      },
    });
  });

  it.each([
    ["firstName", "   ", "must not be empty"],
    ["email", "not-an-email", "must be an email address"],
    ["phone", "555-0123", "must be an international number such as +14155550123"],
    ["dateOfBirth", inDays(2), "must not be in the future"],
    ["dateOfBirth", "1990-02-30", "must be a date such as 1990-04-23"],
    ["timezone", "Mars/Olympus_Mons", "must be an IANA time zone such as Europe/Berlin"],
    ["locale", "not a locale", "must be a BCP 47 locale such as en or pt-BR"],
  ])("rejects a bad %s (%j) with a typed error on its path, and writes nothing", async (field, value, message) => {
    const org = await server.createOrganization();
    const before = await server.services.adminDb.patient.count();
    const { createPatient: result } = await gqlData(
      server.url,
      Create,
      { input: { firstName: "Ana", lastName: "Silva", [field]: value } },
      org.owner,
    );
    expect(result).toMatchObject({ __typename: "ValidationError", code: "VALIDATION_FAILED" });
    expect(result.__typename === "ValidationError" && result.fields).toEqual([{ path: ["input", field], message }]);
    expect(await server.services.adminDb.patient.count()).toBe(before);
  });

  it("answers 400, never 500, to an id that is malformed, of another type, or not a uuid", async () => {
    const org = await server.createOrganization();
    const specialistId = globalId("Specialist", "3f1b2c4d-0000-4000-8000-000000000000");
    for (const id of ["garbage!!", specialistId, globalId("Patient", "not-a-uuid")]) {
      expect((await v1(server.url, "GET", `/v1/patients/${id}`, org.owner)).status).toBe(400);
      expect((await v1(server.url, "PATCH", `/v1/patients/${id}`, org.owner, { firstName: "X" })).status).toBe(400);
      const result = await gql(server.url, Get, { id }, org.owner);
      expect(result.errors?.[0]?.message).toMatch(/Invalid global ID|is not of type/);
    }
  });

  it("answers /v1 with 201, 422 with the same fields, and 400 for a wrongly typed body", async () => {
    const org = await server.createOrganization();
    const created = await v1(server.url, "POST", "/v1/patients", org.owner, { firstName: "Rui", lastName: "Costa" });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: expect.any(String), firstName: "Rui", status: "active" });

    const invalid = await v1(server.url, "POST", "/v1/patients", org.owner, {
      firstName: "Rui",
      lastName: "Costa",
      phone: "12",
    });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toEqual({
      error: {
        code: "VALIDATION_FAILED",
        message: expect.any(String),
        fields: [{ path: ["input", "phone"], message: expect.stringContaining("international") }],
      },
    });

    const wrongType = await v1(server.url, "POST", "/v1/patients", org.owner, { firstName: 5, lastName: "Costa" });
    expect(wrongType.status).toBe(400);
  });

  it("refuses a second live patient with the same email, whatever its case (409 on /v1)", async () => {
    const org = await server.createOrganization();
    await createPatient(server.url, org, { email: "same@example.com" });
    const { createPatient: result } = await gqlData(
      server.url,
      Create,
      { input: { firstName: "Other", lastName: "Person", email: "SAME@example.com" } },
      org.owner,
    );
    expect(result).toMatchObject({ __typename: "ConflictError", code: "CONFLICT" });
    const rest = await v1(server.url, "POST", "/v1/patients", org.owner, {
      firstName: "Other",
      lastName: "Person",
      email: "same@example.com",
    });
    expect(rest.status).toBe(409);
  });

  it("updates only the fields given, and null clears email, phone and date of birth", async () => {
    const org = await server.createOrganization();
    const patient = await createPatient(server.url, org, {
      email: "x@example.com",
      phone: "+351912345678",
      dateOfBirth: "1980-01-01",
    });
    const { updatePatient: renamed } = await gqlData(
      server.url,
      Update,
      { id: patient.id, input: { lastName: "Novo", timezone: "Europe/Lisbon", locale: "pt-PT" } },
      org.owner,
    );
    expect(renamed).toMatchObject({
      data: {
        firstName: "Pat",
        lastName: "Novo",
        email: "x@example.com",
        phone: "+351912345678",
        dateOfBirth: "1980-01-01",
        timezone: "Europe/Lisbon",
        locale: "pt-PT",
      },
    });
    const { updatePatient: cleared } = await gqlData(
      server.url,
      Update,
      { id: patient.id, input: { email: null, phone: null, dateOfBirth: null } },
      org.owner,
    );
    expect(cleared).toMatchObject({ data: { lastName: "Novo", email: null, phone: null, dateOfBirth: null } });

    const rest = await v1(server.url, "PATCH", `/v1/patients/${patient.id}`, org.owner, { firstName: "Via Rest" });
    expect(rest.status).toBe(200);
    expect(rest.body).toMatchObject({ id: patient.id, firstName: "Via Rest", lastName: "Novo" });
    const invalid = await v1(server.url, "PATCH", `/v1/patients/${patient.id}`, org.owner, { timezone: "Nowhere" });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.fields).toEqual([{ path: ["input", "timezone"], message: expect.any(String) }]);
  });

  it("records each change in the audit log with the changed fields only", async () => {
    const org = await server.createOrganization();
    const patient = await createPatient(server.url, org, { email: "audit@example.com" });
    await gqlData(server.url, Update, { id: patient.id, input: { firstName: "Changed" } }, org.owner);
    const { auditLog } = await gqlData(server.url, Audit, { filter: { entityId: uuidOf(patient.id) } }, org.owner);
    expect(auditLog.edges.map((e) => e.node.action)).toEqual(["patient.update", "patient.create"]);
    expect(auditLog.edges[0]?.node.changes).toEqual({ before: { firstName: "Pat" }, after: { firstName: "Changed" } });
    expect(auditLog.edges[0]?.node).toMatchObject({ actorPatientId: null, impersonatorUserId: null });
  });
});

describe("finding patients", () => {
  let org: TestOrganization;
  const created: Record<string, { id: string; createdAt: string }> = {};

  beforeAll(async () => {
    org = await server.createOrganization();
    for (const [firstName, lastName, email] of [
      ["Ana", "Silva", "ana@example.com"],
      ["Anabela", "Rocha", "bela@example.com"],
      ["Bruno", "Anjos", "bruno@clinic.example"],
      ["Carla", "Dias", "carla@example.com"],
      ["Diogo", "Silva", null],
    ] as const) {
      const { createPatient: result } = await gqlData(
        server.url,
        Create,
        { input: { firstName, lastName, email } },
        org.owner,
      );
      if (result.__typename !== "MutationCreatePatientSuccess") throw new Error(JSON.stringify(result));
      created[firstName] = { id: result.data.id, createdAt: result.data.createdAt as string };
    }
  });

  it("searches by the start of a first name, last name or email, case-insensitively", async () => {
    const search = async (text: string) =>
      names(await gqlData(server.url, List, { filter: { search: text } }, org.owner)).sort();
    expect(await search("an")).toEqual(["Ana", "Anabela", "Bruno"]);
    expect(await search("SILVA")).toEqual(["Ana", "Diogo"]);
    expect(await search("ana silva")).toEqual(["Ana"]);
    expect(await search("bruno@clinic")).toEqual(["Bruno"]);
    // Prefixes only, and wildcards are plain characters.
    expect(await search("ilva")).toEqual([]);
    expect(await search("%")).toEqual([]);
    expect(await search("_na")).toEqual([]);
  });

  it("orders by last name, filters by status and creation range", async () => {
    const all = names(await gqlData(server.url, List, {}, org.owner));
    expect(all).toEqual(["Bruno", "Carla", "Anabela", "Ana", "Diogo"]);
    expect(names(await gqlData(server.url, List, { filter: { status: "invited" } }, org.owner))).toEqual([]);
    expect(names(await gqlData(server.url, List, { filter: { status: "active" } }, org.owner))).toHaveLength(5);
    const carla = created.Carla?.createdAt as string;
    const from = names(await gqlData(server.url, List, { filter: { createdFrom: carla } }, org.owner));
    expect(from.sort()).toEqual(["Carla", "Diogo"]);
    const to = names(await gqlData(server.url, List, { filter: { createdTo: carla } }, org.owner));
    expect(to.sort()).toEqual(["Ana", "Anabela", "Bruno"]);
  });

  it("pages through the list with cursors, on GraphQL and /v1", async () => {
    const first = await gqlData(server.url, List, { first: 2 }, org.owner);
    expect(names(first)).toEqual(["Bruno", "Carla"]);
    expect(first.patients.pageInfo.hasNextPage).toBe(true);
    const second = await gqlData(server.url, List, { first: 2, after: first.patients.pageInfo.endCursor }, org.owner);
    expect(names(second)).toEqual(["Anabela", "Ana"]);

    const page = await v1(server.url, "GET", "/v1/patients?first=2&search=silva", org.owner);
    expect(page.status).toBe(200);
    expect(page.body.data.map((p: { firstName: string }) => p.firstName)).toEqual(["Ana", "Diogo"]);
    expect(page.body.pageInfo).toEqual({ hasNextPage: false, endCursor: expect.any(String) });
    const next = await v1(server.url, "GET", `/v1/patients?first=3&after=${page.body.pageInfo.endCursor}`, org.owner);
    expect(next.status).toBe(200);
  });

  it("answers /v1 400 for a malformed status or date filter", async () => {
    expect((await v1(server.url, "GET", "/v1/patients?status=sleeping", org.owner)).status).toBe(400);
    expect((await v1(server.url, "GET", "/v1/patients?createdFrom=yesterday", org.owner)).status).toBe(400);
    expect((await v1(server.url, "GET", "/v1/patients?includeArchived=maybe", org.owner)).status).toBe(400);
  });
});

describe("archiving", () => {
  it("hides an archived patient from lists, blocks changes, and restores it", async () => {
    const org = await server.createOrganization();
    const patient = await createPatient(server.url, org, { firstName: "Gone" });
    const archived = await v1(server.url, "DELETE", `/v1/patients/${patient.id}`, org.owner);
    expect(archived.status).toBe(204);

    expect(names(await gqlData(server.url, List, {}, org.owner))).toEqual([]);
    const withArchived = await v1(server.url, "GET", "/v1/patients?includeArchived=true", org.owner);
    expect(withArchived.body.data).toMatchObject([{ id: patient.id, archivedAt: expect.any(String) }]);
    expect((await gqlData(server.url, Get, { id: patient.id }, org.owner)).patient?.archivedAt).toEqual(
      expect.any(String),
    );

    const update = await gqlData(server.url, Update, { id: patient.id, input: { firstName: "Back" } }, org.owner);
    expect(update.updatePatient).toMatchObject({ __typename: "ConflictError" });
    const again = await gqlData(server.url, Archive, { id: patient.id }, org.owner);
    expect(again.archivePatient).toMatchObject({ __typename: "ConflictError" });

    const restored = await v1(server.url, "POST", `/v1/patients/${patient.id}/restore`, org.owner);
    expect(restored.status).toBe(200);
    expect(restored.body).toMatchObject({ id: patient.id, archivedAt: null });
    expect(names(await gqlData(server.url, List, {}, org.owner))).toEqual(["Gone"]);
    const twice = await gqlData(server.url, Restore, { id: patient.id }, org.owner);
    expect(twice.restorePatient).toMatchObject({ __typename: "ConflictError" });
  });

  it("frees the email of an archived patient, and refuses to restore it while another patient holds it", async () => {
    const org = await server.createOrganization();
    const old = await createPatient(server.url, org, { email: "reuse@example.com" });
    await gqlData(server.url, Archive, { id: old.id }, org.owner);
    await createPatient(server.url, org, { email: "reuse@example.com" });
    const { restorePatient } = await gqlData(server.url, Restore, { id: old.id }, org.owner);
    expect(restorePatient).toMatchObject({ __typename: "ConflictError" });
  });
});

describe("who sees and changes which patients", () => {
  let org: TestOrganization;
  let mine: { id: string };
  let other: { id: string };
  let patientUser: Awaited<ReturnType<typeof addMember>>;

  beforeAll(async () => {
    org = await server.createOrganization();
    mine = await createPatient(server.url, org, { firstName: "Mine" });
    other = await createPatient(server.url, org, { firstName: "Other" });
    patientUser = await server.addMember(org, "patient");
    await linkPatientUser(server.url, org, mine.id, patientUser.userId);
  });

  it("a patient user sees only their own record: in lists, by id, on `me` and on /v1", async () => {
    const headers = patientUser.headers;
    expect(names(await gqlData(server.url, List, { filter: { includeArchived: true } }, headers))).toEqual(["Mine"]);
    expect((await gqlData(server.url, Get, { id: mine.id }, headers)).patient).toMatchObject({
      id: mine.id,
      user: { id: patientUser.userId },
    });
    expect((await gqlData(server.url, Get, { id: other.id }, headers)).patient).toBeNull();
    expect((await gqlData(server.url, MePatient, {}, headers)).me).toEqual({
      role: "patient",
      impersonating: false,
      patient: { id: mine.id, firstName: "Mine" },
    });
    expect((await v1(server.url, "GET", `/v1/patients/${other.id}`, headers)).status).toBe(404);
    expect((await v1(server.url, "GET", "/v1/patients", headers)).body.data).toMatchObject([{ id: mine.id }]);
  });

  it("the database itself shows a patient scope exactly its one patient record", async () => {
    const scope = { organizationId: uuidOf(org.id), userId: uuidOf(patientUser.userId), role: "patient" };
    const own = scopedClient(server.services.appDb, { ...scope, patientId: uuidOf(mine.id) });
    expect((await own.patient.findMany()).map((p) => p.id)).toEqual([uuidOf(mine.id)]);
    expect(await own.patient.updateMany({ where: { id: uuidOf(other.id) }, data: { firstName: "X" } })).toEqual({
      count: 0,
    });
    expect(await scopedClient(server.services.appDb, scope).patient.count()).toBe(0);
  });

  it("a patient user updates their own record, and another's is not found", async () => {
    const own = await gqlData(
      server.url,
      Update,
      { id: mine.id, input: { phone: "+351 912 000 111" } },
      patientUser.headers,
    );
    expect(own.updatePatient).toMatchObject({ data: { phone: "+351912000111" } });
    const others = await gqlData(
      server.url,
      Update,
      { id: other.id, input: { firstName: "Hacked" } },
      patientUser.headers,
    );
    expect(others.updatePatient).toMatchObject({ __typename: "NotFoundError" });
    expect((await gqlData(server.url, Get, { id: other.id }, org.owner)).patient?.firstName).toBe("Other");
  });

  it("a patient user's own changes are audited with their patient id", async () => {
    await gqlData(server.url, Update, { id: mine.id, input: { locale: "pt" } }, patientUser.headers);
    const { auditLog } = await gqlData(
      server.url,
      Audit,
      { filter: { entityId: uuidOf(mine.id), action: "patient.update" } },
      org.owner,
    );
    expect(auditLog.edges[0]?.node).toMatchObject({
      actorUserId: uuidOf(patientUser.userId),
      actorPatientId: uuidOf(mine.id),
      impersonatorUserId: null,
    });
  });

  it("a patient user cannot create, archive or link patients", async () => {
    const create = await gql(server.url, Create, { input: { firstName: "A", lastName: "B" } }, patientUser.headers);
    expect(create.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const archive = await gql(server.url, Archive, { id: mine.id }, patientUser.headers);
    expect(archive.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const link = await gql(server.url, Link, { input: { patientId: mine.id, userId: null } }, patientUser.headers);
    expect(link.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(
      (await v1(server.url, "POST", "/v1/patients", patientUser.headers, { firstName: "A", lastName: "B" })).status,
    ).toBe(403);
  });

  it("a patient member with no linked record sees no patient at all", async () => {
    const unlinked = await server.addMember(org, "patient");
    expect(names(await gqlData(server.url, List, {}, unlinked.headers))).toEqual([]);
    expect((await gqlData(server.url, Get, { id: mine.id }, unlinked.headers)).patient).toBeNull();
    expect((await gqlData(server.url, MePatient, {}, unlinked.headers)).me.patient).toBeNull();
  });

  it("staff and specialists see and edit every patient, but only owners and admins archive or link", async () => {
    for (const role of ["staff", "specialist"] as const) {
      const member = await server.addMember(org, role);
      const everyone = names(await gqlData(server.url, List, {}, org.owner));
      expect(everyone).toEqual(expect.arrayContaining(["Mine", "Other"]));
      expect(names(await gqlData(server.url, List, {}, member.headers))).toEqual(everyone);
      const update = await gqlData(server.url, Update, { id: other.id, input: { locale: "en-GB" } }, member.headers);
      expect(update.updatePatient.__typename).toBe("MutationUpdatePatientSuccess");
      const created = await gqlData(
        server.url,
        Create,
        { input: { firstName: role, lastName: "Made" } },
        member.headers,
      );
      expect(created.createPatient.__typename).toBe("MutationCreatePatientSuccess");
      const archive = await gql(server.url, Archive, { id: other.id }, member.headers);
      expect(archive.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const link = await gql(server.url, Link, { input: { patientId: other.id, userId: null } }, member.headers);
      expect(link.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const admin = await server.addMember(org, "admin");
    const archived = await gqlData(server.url, Archive, { id: other.id }, admin.headers);
    expect(archived.archivePatient.__typename).toBe("MutationArchivePatientSuccess");
    await gqlData(server.url, Restore, { id: other.id }, admin.headers);
  });

  it("an API key with a staff role works with patients", async () => {
    const key = await server.createApiKey(org, "staff");
    const list = await gqlData(server.url, List, {}, { "x-api-key": key.key });
    expect(names(list)).toContain("Mine");
  });
});

describe("linking a user account", () => {
  it("links a patient member, refuses other roles and a second patient, and unlinks on /v1", async () => {
    const org = await server.createOrganization();
    const first = await createPatient(server.url, org, { firstName: "First" });
    const second = await createPatient(server.url, org, { firstName: "Second" });
    const member = await server.addMember(org, "patient");
    const staff = await server.addMember(org, "staff");

    const linked = await gqlData(
      server.url,
      Link,
      { input: { patientId: first.id, userId: member.userId } },
      org.owner,
    );
    expect(linked.linkPatientUser).toMatchObject({ data: { id: first.id, user: { id: member.userId } } });
    const twice = await gqlData(
      server.url,
      Link,
      { input: { patientId: second.id, userId: member.userId } },
      org.owner,
    );
    expect(twice.linkPatientUser).toMatchObject({ __typename: "ConflictError" });
    const wrongRole = await gqlData(
      server.url,
      Link,
      { input: { patientId: second.id, userId: staff.userId } },
      org.owner,
    );
    expect(wrongRole.linkPatientUser).toMatchObject({ __typename: "ConflictError" });

    const outsider = await server.addMember(await server.createOrganization(), "patient");
    const foreign = await v1(server.url, "PUT", `/v1/patients/${second.id}/user`, org.owner, {
      userId: outsider.userId,
    });
    expect(foreign.status).toBe(404);

    const unlinked = await v1(server.url, "DELETE", `/v1/patients/${first.id}/user`, org.owner);
    expect(unlinked.status).toBe(200);
    expect(unlinked.body).toMatchObject({ id: first.id, user: null });
    expect((await gqlData(server.url, MePatient, {}, member.headers)).me.patient).toBeNull();
  });
});

describe("another organization's patients", () => {
  let a: TestOrganization;
  let b: TestOrganization;
  let theirs: { id: string };
  const theirRow = () => server.services.adminDb.patient.findUniqueOrThrow({ where: { id: uuidOf(theirs.id) } });
  let theirsBefore: Awaited<ReturnType<typeof theirRow>>;

  beforeAll(async () => {
    [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
    theirs = await createPatient(server.url, b, { firstName: "Theirs", email: "theirs@example.com" });
    theirsBefore = await theirRow();
  });

  describeCrossTenant("are invisible to queries, answer not found to every mutation and stay unchanged", {
    server,
    as: () => a.owner,
    unchanged: async () => expect(await theirRow()).toEqual(theirsBefore),
    operations: [
      operation(Get, () => ({ id: theirs.id }), empty),
      operation(List, () => ({ filter: { includeArchived: true } }), empty, "archived ones included"),
      operation(Update, () => ({ id: theirs.id, input: { firstName: "X" } }), notFound()),
      operation(Archive, () => ({ id: theirs.id }), notFound()),
      operation(Restore, () => ({ id: theirs.id }), notFound()),
      operation(Link, () => ({ input: { patientId: theirs.id, userId: null } }), notFound()),
      operation(CompleteStep, () => ({ patientId: theirs.id, step: "consent" }), notFound()),
    ],
    ids: () => ({ patient: theirs.id }),
    routes: [
      ["GET", "/v1/patients/:patient"],
      ["PATCH", "/v1/patients/:patient", { firstName: "X" }],
      ["DELETE", "/v1/patients/:patient"],
      ["POST", "/v1/patients/:patient/restore"],
      ["PUT", "/v1/patients/:patient/user", { userId: null }],
      ["POST", "/v1/patients/:patient/onboarding-steps", { step: "consent" }],
    ],
  });

  it("do not block the same email in another organization", async () => {
    const mine = await createPatient(server.url, a, { email: "theirs@example.com" });
    expect(mine.id).toEqual(expect.any(String));
  });
});
