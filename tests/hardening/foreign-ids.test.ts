import {
  type GraphQLInputObjectType,
  type GraphQLInputType,
  getNamedType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
} from "graphql";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { schema } from "../../src/graphql/schema.js";
import { v1Routes } from "../../src/http/v1/routes.js";
import { clinicCalendar, createAppointment } from "../appointments/fixtures.js";
import { createPatient } from "../patients/fixtures.js";
import { createService, createSpecialist } from "../scheduling/fixtures.js";
import { createProduct } from "../services/fixtures.js";
import type { TestOrganization } from "../support/auth.js";
import { useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";
import { createWebhook } from "../webhooks/fixtures.js";

/**
 * Real ids of another organization, in every path position of every `/v1` route, with a body
 * that passes validation where the route takes one: every answer is a 4xx (a read may answer
 * 200 only without any of the other organization's data), and no table changes.
 */
const server = useTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" } });
let admin: pg.Client;
let a: TestOrganization;
let b: TestOrganization;
const foreign: Record<string, string> = {};

beforeAll(async () => {
  a = await server.createOrganization("Caller A");
  b = await server.createOrganization("Foreign B");
  admin = new pg.Client({ connectionString: server.db.adminUrl });
  await admin.connect();
  const calendar = await clinicCalendar(server, b);
  const specialty = await v1(server.url, "POST", "/v1/specialties", b.owner, { name: "Foreign specialty" });
  const appointment = await createAppointment(server, b);
  Object.assign(foreign, {
    organization: b.id,
    patient: (await createPatient(server.url, b)).id,
    specialist: await createSpecialist(server, b),
    service: await createService(server, b),
    calendar: calendar.id,
    specialty: specialty.body.id,
    appointment: appointment.id,
    webhook: (await createWebhook(server.url, b, "http://127.0.0.1:9/hook")).id,
    product: await createProduct(server, b),
  });
});
afterAll(async () => {
  await admin?.end();
});

const snapshot = async () => {
  const { rows } = await admin.query<{ t: string; h: string }>(
    `SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const sql = rows
    .map(
      (r) => `SELECT '${r.t}' AS t, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${r.t}" x`,
    )
    .join(" UNION ALL ");
  return JSON.stringify((await admin.query(`${sql} ORDER BY t`)).rows);
};

/** A value that passes the input type's validation, by field name where the type says too little. */
function plausible(name: string, type: GraphQLInputType, id: string, depth = 0): unknown {
  const inner = isNonNullType(type) ? type.ofType : type;
  if (isListType(inner)) return [plausible(name, inner.ofType, id, depth)];
  const named = getNamedType(inner);
  if (isInputObjectType(named)) return depth > 2 ? {} : requiredFields(named, id, depth + 1);
  if (isEnumType(named)) return named.getValues()[0]?.value;
  const byName: Record<string, unknown> = {
    email: "someone@example.com",
    url: "http://127.0.0.1:9/hook",
    timezone: "UTC",
    timeZone: "UTC",
    locale: "en",
    currency: "EUR",
    slug: "some-slug",
    date: "2030-01-07",
    start: "2030-01-07T10:00:00.000Z",
    from: "2030-01-07",
    to: "2030-01-08",
    contentType: "application/pdf",
    fileName: "file.pdf",
  };
  if (name in byName) return byName[name];
  switch (named.name) {
    case "ID":
      return id;
    case "Int":
      return name === "rating" ? 5 : 1;
    case "Float":
      return 1;
    case "Boolean":
      return true;
    case "DateTime":
      return "2030-01-07T10:00:00.000Z";
    case "JSON":
      return {};
    default:
      return "Plausible";
  }
}

function requiredFields(type: GraphQLInputObjectType, id: string, depth = 0): Record<string, unknown> {
  return Object.fromEntries(
    Object.values(type.getFields())
      .filter((field) => isNonNullType(field.type))
      .map((field) => [field.name, plausible(field.name, field.type, id, depth)]),
  );
}

/** A body for a route: its mutation's `input` with every required field, ids all `id`. */
function bodyFor(document: string, id: string): Record<string, unknown> {
  const field = /mutation\s+\w+(?:\([^)]*\))?\s*\{\s*(\w+)/.exec(document)?.[1];
  const mutation = field ? schema.getMutationType()?.getFields()[field] : undefined;
  const input = mutation?.args.find((arg) => arg.name === "input");
  const inputType = input ? getNamedType(input.type) : undefined;
  const fromInput = inputType && isInputObjectType(inputType) ? requiredFields(inputType, id) : {};
  const others = Object.fromEntries(
    (mutation?.args ?? [])
      .filter((arg) => arg.name !== "input")
      .map((arg) => [arg.name, plausible(arg.name, arg.type, id)]),
  );
  return { ...others, ...fromInput };
}

describe("another organization's real ids in every /v1 path", () => {
  const routes = v1Routes.filter((route) => route.path.includes("/:"));

  it("covers every route with a path parameter", () => {
    expect(routes.length).toBeGreaterThan(40);
  });

  it("answers 4xx (or a read without the other organization's data) and changes nothing", async () => {
    const foreignIds = Object.values(foreign);
    for (const route of routes) {
      for (const [kind, id] of Object.entries(foreign)) {
        const path = route.path.replace(/:[a-zA-Z]+/g, encodeURIComponent(id));
        const label = `${route.method} ${route.path} with ${kind} ${id}`;
        const read = route.method === "GET";
        const before = read ? "" : await snapshot();
        const response = await v1(
          server.url,
          route.method,
          path,
          a.owner,
          read ? undefined : bodyFor(route.document, id),
        );
        expect(response.status, `${label}: ${JSON.stringify(response.body).slice(0, 300)}`).toBeLessThan(500);
        if (read && response.status === 200) {
          const text = JSON.stringify(response.body);
          for (const other of foreignIds) expect(text, `${label} shows ${other}`).not.toContain(other);
        } else {
          expect(response.status, `${label}: ${JSON.stringify(response.body).slice(0, 300)}`).toBeGreaterThanOrEqual(
            400,
          );
        }
        if (!read) expect(await snapshot(), `${label} changed a table`).toBe(before);
      }
    }
  }, 600_000);
});
