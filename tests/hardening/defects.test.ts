import { beforeAll, describe, expect, it } from "vitest";
import { at, BookAppointment, bookingDay, clinicCalendar } from "../appointments/fixtures.js";
import { createPatient, updateOrganizationSettings } from "../patients/fixtures.js";
import { createService, createSpecialist } from "../scheduling/fixtures.js";
import { type TestOrganization, unique } from "../support/auth.js";
import { globalId, gqlData, uuidOf } from "../support/graphql.js";
import { startTestServer, useTestServer } from "../support/server.js";
import { v1 } from "../support/v1.js";

const server = useTestServer({ env: { WEBHOOK_ALLOWED_HOSTS: "127.0.0.1" } });
let a: TestOrganization;
let b: TestOrganization;
const day = bookingDay(10);
const admin = () => server.services.adminDb;

beforeAll(async () => {
  a = await server.createOrganization("A");
  b = await server.createOrganization("B");
});

const raw = (method: string, path: string, headers: Record<string, string>, body?: BodyInit) =>
  fetch(`${server.url}${path}`, { method, headers: { "content-type": "application/json", ...headers }, body });

describe("bad input on /v1 and /graphql", () => {
  it.each(["%E0%A4%A", "%%", "%C0", "%ZZ"])("answers malformed percent-encoding %s with a JSON 400", async (id) => {
    const response = await raw("PATCH", `/v1/patients/${id}`, a.owner, "{}");
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBeTruthy();
    expect(await response.json()).toMatchObject({ error: { code: "BAD_REQUEST", message: expect.any(String) } });
  });

  it("answers an impossible month with 422, as an impossible day", async () => {
    const specialist = await createSpecialist(server, a);
    for (const date of ["2027-13-01", "2026-02-30"]) {
      const response = await v1(server.url, "POST", `/v1/specialists/${specialist}/schedule-overrides`, a.owner, {
        date,
        ranges: [],
      });
      expect(response.status).toBe(422);
      expect(response.body.error.fields).toEqual([{ path: ["input", "date"], message: expect.any(String) }]);
    }
  });

  it("refuses a body that is not valid UTF-8 with 400 and stores nothing, on /v1 and /graphql", async () => {
    const bad = Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80]);
    const before = await admin().patient.count();
    const body = Buffer.concat([Buffer.from('{"firstName":"A'), bad, Buffer.from('","lastName":"B"}')]);
    const rest = await raw("POST", "/v1/patients", a.owner, body);
    expect(rest.status).toBe(400);
    expect(await rest.json()).toMatchObject({ error: { code: "BAD_REQUEST" } });
    const graphql = await raw(
      "POST",
      "/graphql",
      a.owner,
      Buffer.concat([
        Buffer.from('{"query":"mutation($i: CreatePatientInput!) { createPatient(input: $i) { __typename } }",'),
        Buffer.from('"variables":{"i":{"firstName":"A'),
        bad,
        Buffer.from('","lastName":"B"}}}'),
      ]),
    );
    expect(graphql.status).toBe(400);
    expect(await graphql.json()).toMatchObject({ errors: [{ extensions: { code: "BAD_REQUEST" } }] });
    expect(await admin().patient.count()).toBe(before);
  });

  it("gives a malformed global id in a GraphQL argument an error code", async () => {
    const response = await raw(
      "POST",
      "/graphql",
      a.owner,
      JSON.stringify({ query: 'query { patient(id: "not-a-global-id") { id } }' }),
    );
    const body = (await response.json()) as { errors: { extensions?: { code?: string } }[] };
    expect(body.errors.length).toBeGreaterThan(0);
    for (const error of body.errors) expect(error.extensions?.code).toBe("BAD_USER_INPUT");
  });

  it("answers an unauthenticated GraphQL field with 200 and UNAUTHENTICATED under application/json, 401 on /v1", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ query: "{ patients(first: 1) { edges { node { id } } } }" }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect((await v1(server.url, "GET", "/v1/patients")).status).toBe(401);
  });
});

describe("nested /v1 paths check every id", () => {
  it("answers 404 for schedule overrides of another organization's specialist, or of none", async () => {
    const foreign = await createSpecialist(server, a);
    const missing = globalId("Specialist", "00000000-0000-4000-8000-000000000000");
    for (const id of [foreign, missing]) {
      const response = await v1(server.url, "GET", `/v1/specialists/${id}/schedule-overrides`, b.owner);
      expect(response.status).toBe(404);
      expect(response.body).toMatchObject({ error: { code: "NOT_FOUND" } });
    }
  });

  it("answers 404 for a webhook under an organization id that is not the caller's", async () => {
    const created = await v1(server.url, "POST", `/v1/organizations/${a.id}/webhooks`, a.owner, {
      url: "http://127.0.0.1:9/hook",
    });
    expect(created.status).toBe(201);
    const webhookId = created.body.subscription.id;
    expect((await v1(server.url, "GET", `/v1/organizations/${a.id}/webhooks/${webhookId}`, a.owner)).status).toBe(200);
    const nowhere = globalId("Organization", "00000000-0000-4000-8000-000000000000");
    for (const org of [nowhere, b.id]) {
      const response = await v1(server.url, "GET", `/v1/organizations/${org}/webhooks/${webhookId}`, a.owner);
      expect(response.status).toBe(404);
    }
  });
});

describe("nested /v1 paths check their parent too", () => {
  it("answers 404 for a service attachment under another service, and deletes nothing", async () => {
    const first = await createService(server, a);
    const second = await createService(server, a);
    const created = await v1(server.url, "POST", `/v1/services/${first}/attachments`, a.owner, {
      fileName: "knee.pdf",
      contentType: "application/pdf",
      sizeBytes: 3,
    });
    expect(created.status).toBe(201);
    const attachmentId = created.body.attachment.id;
    // Uploaded and confirmed, so the list shows it (pending attachments are not listed).
    const put = await fetch(created.body.upload.url, {
      method: "PUT",
      body: "pdf",
      headers: { "content-type": "application/pdf" },
    });
    expect(put.status).toBe(200);
    const wrongParent = `/v1/services/${second}/attachments/${attachmentId}/confirm`;
    expect((await v1(server.url, "POST", wrongParent, a.owner)).status).toBe(404);
    expect(
      (await v1(server.url, "POST", `/v1/services/${first}/attachments/${attachmentId}/confirm`, a.owner)).status,
    ).toBe(200);
    const elsewhere = await v1(server.url, "DELETE", `/v1/services/${second}/attachments/${attachmentId}`, a.owner);
    expect(elsewhere.status).toBe(404);
    expect(elsewhere.body).toMatchObject({ error: { code: "NOT_FOUND" } });
    const listed = await v1(server.url, "GET", `/v1/services/${first}/attachments`, a.owner);
    expect(listed.body.data.map((x: { id: string }) => x.id)).toEqual([attachmentId]);
    expect((await v1(server.url, "DELETE", `/v1/services/${first}/attachments/${attachmentId}`, a.owner)).status).toBe(
      204,
    );
  });
});

describe("forwarding headers", () => {
  const uploadOrigin = async (url: string, headers: Record<string, string>) => {
    const service = await createService(server, a);
    const created = await v1(
      url,
      "POST",
      `/v1/services/${service}/attachments`,
      { ...a.owner, ...headers },
      {
        fileName: "knee.pdf",
        contentType: "application/pdf",
        sizeBytes: 3,
      },
    );
    expect(created.status).toBe(201);
    return new URL(created.body.uploadUrl).origin;
  };
  const spoofed = { "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" };

  it("signs local-file URLs for the server's own origin when an untrusted client sends X-Forwarded-Host", async () => {
    const direct = await startTestServer(server.db, { SERVER_ROLE: "api", TRUST_PROXY: "false" });
    try {
      expect(await uploadOrigin(direct.url, spoofed)).toBe(new URL(direct.url).origin);
    } finally {
      await direct.close();
    }
  });

  it("believes X-Forwarded-Host and -Proto from a proxy TRUST_PROXY trusts (the tests' server trusts loopback)", async () => {
    expect(await uploadOrigin(server.url, spoofed)).toBe("https://evil.example");
  });

  it("does not let X-Forwarded-For lift the anonymous hold limit unless TRUST_PROXY says so", async () => {
    const strict = await startTestServer(server.db, {
      SERVER_ROLE: "api",
      TRUST_PROXY: "false",
      HOLD_MAX_PER_CLIENT: "1",
    });
    try {
      const calendar = await clinicCalendar(strict, a, { specialists: 3 });
      const hold = (time: string, ip: string) =>
        v1(
          strict.url,
          "POST",
          "/v1/holds",
          { "x-forwarded-for": ip },
          { calendarId: calendar.id, start: at(day, time) },
        );
      expect((await hold("09:00", "198.51.100.1")).status).toBe(201);
      const second = await hold("10:00", "198.51.100.2");
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe("TOO_MANY_HOLDS");
    } finally {
      await strict.close();
    }
  });
});

describe("audit: one row per operation", () => {
  const rowsOf = (requestId: string) => admin().auditLog.findMany({ where: { requestId } });

  it("writes one appointment.book row, with its hold inside, for a booking without a hold", async () => {
    const calendar = await clinicCalendar(server, a);
    const patient = await createPatient(server.url, a, { email: `${unique("p")}@example.com` });
    const requestId = unique("book");
    const result = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "11:00"), patientId: patient.id } },
      { ...a.owner, "x-request-id": requestId },
    );
    expect(result.bookAppointment.__typename).toBe("MutationBookAppointmentSuccess");
    const rows = await rowsOf(requestId);
    expect(rows.map((r) => r.action)).toEqual(["appointment.book"]);
    expect(
      (rows[0]?.changes as { after?: { hold?: { specialistId: string } } } | undefined)?.after?.hold,
    ).toMatchObject({
      specialistId: expect.any(String),
    });
  });

  it("writes no row at all when that booking is refused", async () => {
    const clinic = await server.createOrganization("Strict");
    await updateOrganizationSettings(server.url, clinic, {
      onboardingSteps: ["consent"],
      firstBookingWithoutOnboarding: "refuse",
    });
    const calendar = await clinicCalendar(server, clinic);
    const patient = await createPatient(server.url, clinic, { email: `${unique("new")}@example.com` });
    const requestId = unique("refused");
    const result = await gqlData(
      server.url,
      BookAppointment,
      { input: { calendarId: calendar.id, start: at(day, "09:00"), patientId: patient.id } },
      { ...clinic.owner, "x-request-id": requestId },
    );
    expect(result.bookAppointment).toMatchObject({ code: "ONBOARDING_INCOMPLETE" });
    expect(await rowsOf(requestId)).toEqual([]);
    expect(await admin().appointment.count({ where: { patientId: uuidOf(patient.id) } })).toBe(0);
  });

  it.each([
    ["POST", "/v1/patients", { firstName: "Ada", lastName: "L" }, "patient.create"],
    ["POST", "/v1/specialties", { name: "Physio" }, "specialty.create"],
  ])("writes exactly one row for %s %s, none when it is refused", async (method, path, body, action) => {
    const ok = unique("ok");
    const done = await v1(server.url, method, path, { ...a.owner, "x-request-id": ok }, body);
    expect(done.status).toBe(201);
    expect((await rowsOf(ok)).map((r) => r.action)).toEqual([action]);
    const refused = unique("no");
    const failed = await v1(server.url, method, path, { ...a.owner, "x-request-id": refused }, { ...body, bogus: 1 });
    expect(failed.status).toBeGreaterThanOrEqual(400);
    expect(await rowsOf(refused)).toEqual([]);
  });
});
