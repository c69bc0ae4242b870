import { randomBytes } from "node:crypto";
import { generateKeyPair, type SessionClaims, signSessionToken } from "../../src/auth/dev-tokens.js";
import { graphql } from "../generated/gql.js";
import { gqlData } from "./graphql.js";

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

const CreateOrganization = graphql(`
  mutation FixtureCreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on MutationCreateOrganizationSuccess { data { id slug } }
      ... on Error { message }
    }
  }
`);

const CreateApiKey = graphql(`
  mutation FixtureCreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on MutationCreateApiKeySuccess { data { key apiKey { id } } }
      ... on Error { message }
    }
  }
`);

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

const InviteMember = graphql(`
  mutation FixtureInviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) { __typename ... on Error { message } }
  }
`);

const MemberMe = graphql(`
  query FixtureMemberMe { me { role user { id } } }
`);

export interface TestMember {
  headers: Headers;
  sub: string;
  /** The user's id (uuid), as stored. */
  userId: string;
}

/** A new user invited by the owner with `role`; their first request turns the invitation into a membership. */
export async function addMember(
  url: string,
  org: TestOrganization,
  role: "admin" | "specialist" | "staff" | "patient",
): Promise<TestMember> {
  const sub = unique(`user_${role}`);
  const email = `${sub}@example.com`;
  const invited = await gqlData(url, InviteMember, { input: { organizationId: org.id, email, role } }, org.owner);
  if (invited.inviteMember.__typename !== "MutationInviteMemberSuccess") {
    throw new Error(`inviteMember failed: ${JSON.stringify(invited)}`);
  }
  const headers = asUser(sub, { email });
  const me = await gqlData(url, MemberMe, undefined, headers);
  if (me.me.role !== role || !me.me.user) throw new Error(`the invitation did not make a ${role}`);
  return { headers, sub, userId: Buffer.from(me.me.user.id, "base64").toString().split(":")[1] as string };
}
