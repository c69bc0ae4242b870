import { randomBytes } from "node:crypto";
import { generateKeyPair, type SessionClaims, signSessionToken } from "../../src/identity/dev-tokens.js";
import { gqlData } from "./graphql.js";
import { CreateApiKey, CreateOrganization } from "./organization-documents.js";

/** This test run's stand-in for a Clerk instance: its key pair signs tokens, servers trust its public key. */
export const clerk = generateKeyPair();

export function sessionToken(claims: SessionClaims, options?: Parameters<typeof signSessionToken>[2]): string {
  return signSessionToken(clerk.privateKey, claims, options);
}

export type Headers = Record<string, string>;

/** Headers of a signed-in user; the user is created on their first request. */
export function asUser(sub: string, claims: Partial<SessionClaims> = {}): Headers {
  return { authorization: `Bearer ${sessionToken({ sub, ...claims })}` };
}

export function asApiKey(key: string): Headers {
  return { "x-api-key": key };
}

export const unique = (prefix: string) => `${prefix}-${randomBytes(4).toString("hex")}`;

export interface TestOrganization {
  id: string;
  slug: string;
  /** The owner's headers; the organization is their active one. */
  owner: Headers;
  ownerSub: string;
}

/** A new organization owned by a new user (whose active organization it becomes). */
export async function createOrganization(url: string, name = "Clinic"): Promise<TestOrganization> {
  const ownerSub = unique("user_owner");
  const owner = asUser(ownerSub, { email: `${ownerSub}@example.com` });
  const result = await gqlData(url, CreateOrganization, { input: { name, slug: unique("org") } }, owner);
  if (result.createOrganization.__typename !== "MutationCreateOrganizationSuccess") {
    throw new Error(`createOrganization failed: ${JSON.stringify(result)}`);
  }
  return { ...result.createOrganization.data, owner, ownerSub };
}

/** An API key of the organization with the given role, created by its owner. */
export async function createApiKey(
  url: string,
  org: TestOrganization,
  role: "admin" | "staff" | "specialist" = "admin",
  expiresAt?: Date,
): Promise<{ key: string; id: string }> {
  const result = await gqlData(
    url,
    CreateApiKey,
    { input: { organizationId: org.id, name: `key ${role}`, role, expiresAt: expiresAt?.toISOString() } },
    org.owner,
  );
  if (result.createApiKey.__typename !== "MutationCreateApiKeySuccess") {
    throw new Error(`createApiKey failed: ${JSON.stringify(result)}`);
  }
  return { key: result.createApiKey.data.key, id: result.createApiKey.data.apiKey.id };
}
