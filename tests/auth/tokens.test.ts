import { describe, expect, it } from "vitest";
import { generateKeyPair, signSessionToken } from "../../src/identity/dev-tokens.js";
import { graphql } from "../generated/gql.js";
import { asUser, sessionToken, unique } from "../support/auth.js";
import { useTestDatabase } from "../support/database.js";
import { useTestServer } from "../support/server.js";

const Me = graphql(`
  query TokensMe { me { kind role user { email firstName lastName } } }
`);

const db = useTestDatabase();
const server = useTestServer({ database: db });
const strict = useTestServer({ database: db, env: { CLERK_AUTHORIZED_PARTIES: "https://app.example.com" } });

async function graphqlWith(token: string, base = server.url) {
  const response = await fetch(`${base}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: Me.toString() }),
  });
  return { status: response.status, body: (await response.json()) as { errors?: { extensions: { code: string } }[] } };
}

async function v1With(token: string, base = server.url) {
  const response = await fetch(`${base}/v1/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { error?: { code: string; message: string } } };
}

const tamper = (token: string) => {
  const [header, payload, signature] = token.split(".");
  const claims = JSON.parse(Buffer.from(payload as string, "base64url").toString());
  const forged = Buffer.from(JSON.stringify({ ...claims, sub: "user_someone_else" })).toString("base64url");
  return `${header}.${forged}.${signature}`;
};

describe("Clerk session tokens, verified locally", () => {
  it("creates the user on first use from the token's claims", async () => {
    const sub = unique("user_new");
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...asUser(sub, { email: "New.Person@Example.com", first_name: "New", last_name: "Person" }),
      },
      body: JSON.stringify({ query: Me.toString() }),
    });
    expect(await response.json()).toEqual({
      data: {
        me: {
          kind: "user",
          role: null,
          user: { email: "new.person@example.com", firstName: "New", lastName: "Person" },
        },
      },
    });
    expect(await server.services.adminDb.user.count({ where: { clerkUserId: sub } })).toBe(1);
  });

  it("does not create the user twice on concurrent first requests", async () => {
    const sub = unique("user_race");
    const token = sessionToken({ sub });
    const results = await Promise.all(Array.from({ length: 5 }, () => graphqlWith(token)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await server.services.adminDb.user.count({ where: { clerkUserId: sub } })).toBe(1);
  });

  it.each([
    ["expired", "TOKEN_EXPIRED", () => sessionToken({ sub: "user_x" }, { expiresInSeconds: -120 })],
    ["not-yet-valid", "TOKEN_NOT_YET_VALID", () => sessionToken({ sub: "user_x" }, { notBeforeOffsetSeconds: 600 })],
    [
      "foreign-key-signed",
      "TOKEN_INVALID_SIGNATURE",
      () => signSessionToken(generateKeyPair().privateKey, { sub: "user_x" }),
    ],
    ["tampered", "TOKEN_INVALID_SIGNATURE", () => tamper(sessionToken({ sub: "user_x" }))],
    ["malformed", "TOKEN_INVALID", () => "not-a-jwt"],
  ])("rejects a %s token with 401 and code %s, on GraphQL and /v1", async (_name, code, make) => {
    const token = make();
    const graphqlResult = await graphqlWith(token);
    expect(graphqlResult.status).toBe(401);
    expect(graphqlResult.body.errors?.[0]?.extensions.code).toBe(code);
    const v1 = await v1With(token);
    expect(v1.status).toBe(401);
    expect(v1.body.error?.code).toBe(code);
  });

  it("rejects a token for another authorized party when CLERK_AUTHORIZED_PARTIES is set", async () => {
    const wrong = await graphqlWith(sessionToken({ sub: "user_azp", azp: "https://evil.example.com" }), strict.url);
    expect(wrong.status).toBe(401);
    expect(wrong.body.errors?.[0]?.extensions.code).toBe("TOKEN_INVALID_AUTHORIZED_PARTY");
    const right = await graphqlWith(sessionToken({ sub: "user_azp", azp: "https://app.example.com" }), strict.url);
    expect(right.status).toBe(200);
  });

  it("treats a request without credentials as anonymous: `me` is UNAUTHENTICATED, /v1/me is 401", async () => {
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: Me.toString() }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    const v1 = await fetch(`${server.url}/v1/me`);
    expect(v1.status).toBe(401);
    expect(await v1.json()).toMatchObject({ error: { code: "UNAUTHENTICATED" } });
  });

  it("answers /v1/me with the user, active organization and role", async () => {
    const org = await server.createOrganization();
    const response = await fetch(`${server.url}/v1/me`, { headers: org.owner });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      kind: "user",
      role: "owner",
      activeOrganization: { id: org.id, slug: org.slug },
      memberships: { edges: [{ node: { role: "owner", organization: { id: org.id } } }] },
    });
  });
});
