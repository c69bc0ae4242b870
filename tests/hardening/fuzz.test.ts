import { randomUUID } from "node:crypto";
import fc from "fast-check";
import {
  type GraphQLField,
  type GraphQLInputType,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from "graphql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../src/graphql/schema.js";
import { v1Routes } from "../../src/http/v1/routes.js";
import type { TestOrganization } from "../support/auth.js";
import { useTestServer } from "../support/server.js";

/**
 * Generated bad input against every `/v1` route (from the router's route table) and every
 * GraphQL mutation (from the schema): no answer is a 500, every answer is the documented JSON
 * error with a request id, and no table changes for a refused input. Fixed seed, few runs per
 * route, so it stays quick and reproducible.
 */
const SEED = 20261202;
const RUNS = 2;

const server = useTestServer();
let admin: pg.Client;
let a: TestOrganization;
let b: TestOrganization;
let snapshotSql: string;

beforeAll(async () => {
  a = await server.createOrganization("Fuzzed A");
  b = await server.createOrganization("Foreign B");
  admin = new pg.Client({ connectionString: server.db.adminUrl });
  await admin.connect();
  const { rows } = await admin.query<{ name: string }>(
    "SELECT quote_ident(table_name) AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1",
  );
  // Every row of every table, as one fingerprint: any insert, update or delete changes it.
  snapshotSql = rows
    .map(
      (t) =>
        `SELECT '${t.name}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM ${t.name} x`,
    )
    .join(" UNION ALL ");
});
afterAll(async () => {
  await admin?.end();
});

const snapshot = async () =>
  JSON.stringify((await admin.query<{ t: string; h: string }>(snapshotSql)).rows.sort((x, y) => (x.t < y.t ? -1 : 1)));

const b64 = (text: string) => Buffer.from(text).toString("base64");

/** Ids that are malformed, of nothing, or of another organization, for every path position. */
const badIds = () =>
  fc.oneof(
    fc.constantFrom("%%", "%E0%A4%A", "%C0", "%ZZ", "%FF%FE", "%ED%A0%80"),
    fc.constantFrom("not-an-id", b64("Patient:not-a-uuid"), b64("nonsense"), "x".repeat(5000)),
    fc.constant(encodeURIComponent(b64(`Patient:${randomUUID()}`))),
    fc.constant(encodeURIComponent(b64(`Organization:${randomUUID()}`))),
    fc.constant("FOREIGN_ORG"),
    fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent),
  );

const impossibleDates = fc.constantFrom(
  "2027-13-01",
  "2026-02-30",
  "2027-00-10",
  "2027-13-01T10:00:00Z",
  "2026-02-30T25:61:00Z",
  "9999-99-99",
  "24:60",
  "-1",
);
const hugeString = fc.constant("é".repeat(200_000));
const wrongTyped = fc.oneof(
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 2 }),
  fc.string({ maxLength: 20 }),
  impossibleDates,
  hugeString,
  fc.constant("\ud800"),
);

/** Field names the routes' bodies use, to fill with wrong values. */
const knownFields = [
  "firstName",
  "lastName",
  "email",
  "name",
  "date",
  "ranges",
  "start",
  "calendarId",
  "specialistId",
  "patientId",
  "holdToken",
  "role",
  "url",
  "since",
  "startsAt",
  "durationMinutes",
  "pricing",
  "step",
  "userId",
  "rating",
];

type Body = { kind: "json"; value: unknown } | { kind: "raw"; bytes: Uint8Array; contentType: string };

const badBodies: fc.Arbitrary<Body> = fc.oneof(
  fc
    .dictionary(fc.constantFrom(...knownFields), wrongTyped, { maxKeys: 4 })
    .map((value): Body => ({ kind: "json", value })),
  fc.constant<Body>({ kind: "json", value: {} }),
  fc.constant<Body>({ kind: "json", value: { unexpectedField: 1, firstName: "x".repeat(100_000) } }),
  fc.constant<Body>({ kind: "json", value: { date: "2027-13-01", ranges: [] } }),
  fc.constant<Body>({
    kind: "raw",
    bytes: Buffer.concat([
      Buffer.from('{"firstName":"a'),
      Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
      Buffer.from('","lastName":"b","email":"x@example.com","name":"n"}'),
    ]),
    contentType: "application/json",
  }),
  fc.constantFrom<Body>(
    { kind: "raw", bytes: Buffer.from("not json at all"), contentType: "text/plain" },
    { kind: "raw", bytes: Buffer.from("[1,2,3]"), contentType: "application/json" },
    { kind: "raw", bytes: Buffer.from('{"a":'), contentType: "application/json" },
    { kind: "raw", bytes: Buffer.from("a=1&b=2"), contentType: "application/x-www-form-urlencoded" },
  ),
);

const encodeBody = (body: Body) =>
  body.kind === "json"
    ? { body: JSON.stringify(body.value), contentType: "application/json" }
    : { body: body.bytes, contentType: body.contentType };

async function expectRefusedCleanly(response: Response, label: string) {
  const text = await response.text();
  expect(response.status, `${label}: ${text.slice(0, 300)}`).not.toBe(500);
  expect(response.status, label).toBeLessThan(500);
  expect(response.headers.get("x-request-id"), label).toBeTruthy();
  if (response.status === 204) return;
  expect(response.headers.get("content-type"), label).toContain("application/json");
  return JSON.parse(text) as Record<string, unknown>;
}

describe("fuzzing every /v1 route", () => {
  it("is enumerated from the router's route table", () => {
    expect(v1Routes.length).toBeGreaterThan(50);
  });

  it("answers malformed and foreign ids, bad percent-encoding and bad bodies with a JSON error and changes nothing", async () => {
    for (const route of v1Routes) {
      const params = [...route.path.matchAll(/:([a-zA-Z]+)/g)].map((m) => m[1] as string);
      await fc.assert(
        fc.asyncProperty(
          fc.array(badIds(), { minLength: params.length, maxLength: params.length }),
          badBodies,
          fc.constantFrom("", "?first=abc", "?from=2027-13-01&to=%E0%A4%A", "?search=%FF"),
          async (ids, body, query) => {
            let i = 0;
            const path = route.path.replace(/:([a-zA-Z]+)/g, () => {
              const id = ids[i++] as string;
              return id === "FOREIGN_ORG" ? encodeURIComponent(b.id) : id;
            });
            const label = `${route.method} ${route.path} as ${path.slice(0, 120)}${query}`;
            const before = await snapshot();
            const hasBody = route.method !== "GET" && route.method !== "DELETE";
            const encoded = encodeBody(body);
            const response = await fetch(`${server.url}${path}${query}`, {
              method: route.method,
              headers: { ...a.owner, ...(hasBody ? { "content-type": encoded.contentType } : {}) },
              body: hasBody ? (encoded.body as BodyInit) : undefined,
            });
            const json = await expectRefusedCleanly(response, label);
            if (response.status >= 400) {
              expect(json, label).toMatchObject({ error: { code: expect.any(String), message: expect.any(String) } });
              expect(await snapshot(), `${label} changed a table`).toBe(before);
            }
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
  }, 300_000);
});

/** A variable of a GraphQL input type, written as the type's SDL (`ID!`, `[String!]`, `PatientInput!`). */
const typeName = (type: GraphQLInputType): string => String(type);

/** A plausible-but-wrong value for an input type: wrong JSON types, huge strings, bad ids and dates. */
function badValue(type: GraphQLInputType): fc.Arbitrary<unknown> {
  const named = getNamedType(type);
  const base = wrongTyped;
  if (isListType(isNonNullType(type) ? type.ofType : type)) return fc.oneof(base, fc.array(base, { maxLength: 2 }));
  if (isInputObjectType(named)) {
    const fields = Object.values(named.getFields());
    return fc.oneof(
      base,
      fc.record(Object.fromEntries(fields.map((f) => [f.name, fc.oneof(base, fc.constant(undefined))]))),
      fc.constant({ unknownField: true }),
    );
  }
  if (named.name === "ID") return fc.oneof(base, badIds(), fc.constant(b64(`Patient:${randomUUID()}`)));
  if (named.name === "DateTime") return fc.oneof(base, impossibleDates);
  return base;
}

function resultSelection(field: GraphQLField<unknown, unknown>): string {
  const type = getNamedType(field.type);
  if (isUnionType(type) || isObjectType(type))
    return "{ __typename ... on Error { code message } ... on ValidationError { fields { path message } } }";
  return "";
}

describe("fuzzing every GraphQL mutation", () => {
  const mutations = Object.values(schema.getMutationType()?.getFields() ?? {});

  it("is enumerated from the schema", () => {
    expect(mutations.length).toBeGreaterThan(40);
  });

  it("answers wrong types, missing and extra fields, huge strings, impossible dates with typed errors or coded errors, never a 500, and changes nothing", async () => {
    for (const field of mutations) {
      const args = field.args;
      const signature = args.length ? `(${args.map((x) => `$${x.name}: ${typeName(x.type)}`).join(", ")})` : "";
      const call = args.length ? `(${args.map((x) => `${x.name}: $${x.name}`).join(", ")})` : "";
      const query = `mutation Fuzz${signature} { ${field.name}${call} ${resultSelection(field)} }`;
      await fc.assert(
        fc.asyncProperty(
          fc.record(Object.fromEntries(args.map((x) => [x.name, fc.oneof(badValue(x.type), fc.constant(undefined))]))),
          async (variables) => {
            const label = `${field.name} with ${JSON.stringify(variables).slice(0, 200)}`;
            const before = await snapshot();
            const response = await fetch(`${server.url}/graphql`, {
              method: "POST",
              headers: { ...a.owner, "content-type": "application/json", accept: "application/json" },
              body: JSON.stringify({ query, variables }),
            });
            const json = (await expectRefusedCleanly(response, label)) as {
              data?: Record<string, { __typename?: string; code?: string } | null> | null;
              errors?: { message: string; extensions?: { code?: string } }[];
            };
            for (const error of json.errors ?? [])
              expect(error.extensions?.code, `${label}: ${error.message}`).toBeTruthy();
            const value = json.data?.[field.name];
            const refused = Boolean(json.errors?.length) || !value || Boolean(value.code);
            if (refused) expect(await snapshot(), `${label} changed a table`).toBe(before);
          },
        ),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      );
    }
  }, 300_000);

  it("refuses a GraphQL body that is not valid UTF-8 with 400, storing nothing", async () => {
    const before = await snapshot();
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { ...a.owner, "content-type": "application/json", accept: "application/json" },
      body: Buffer.concat([
        Buffer.from(
          '{"query":"mutation($i: CreatePatientInput!) { createPatient(input: $i) { __typename } }","variables":{"i":{"firstName":"A',
        ),
        Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]),
        Buffer.from('","lastName":"B"}}}'),
      ]),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    expect(await snapshot()).toBe(before);
  });
});
