import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Container } from "../container.js";
import { isUniqueViolation } from "../db/errors.js";
import { emitEvent } from "../events/index.js";
import { hashApiKey, isApiKey } from "./api-keys.js";
import { authenticationError } from "./authentication-error.js";
import { verifySessionToken } from "./clerk.js";
import type { SessionClaims } from "./dev-tokens.js";
import type { UserRow } from "./identities.js";
import { anonymous, type Viewer } from "./viewer.js";

/** How often `lastUsedAt` of an API key is written (not on every request). */
const LAST_USED_RESOLUTION_MS = 60_000;

function credentials(request: Request): { apiKey?: string; sessionToken?: string } {
  const headerKey = request.headers.get("x-api-key")?.trim();
  if (headerKey) return { apiKey: headerKey };
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.get("authorization") ?? "")?.[1]?.trim();
  if (!bearer) return {};
  return isApiKey(bearer) ? { apiKey: bearer } : { sessionToken: bearer };
}

/**
 * Resolves the caller from `Authorization: Bearer <Clerk session token | API key>` or
 * `X-API-Key`. Identity lookups use the owner connection: they happen before a tenant scope
 * exists. Bad credentials reject the request with 401; no credentials make an anonymous viewer.
 */
export async function authenticate(request: Request, services: Container): Promise<Viewer> {
  const { apiKey, sessionToken } = credentials(request);
  if (apiKey) return authenticateApiKey(apiKey, services);
  if (sessionToken) {
    if (!services.jwtKey)
      throw authenticationError("TOKEN_INVALID", "Session tokens are not accepted: CLERK_JWT_KEY is not set");
    const claims = await verifySessionToken(sessionToken, {
      jwtKey: services.jwtKey,
      authorizedParties: services.config.auth.authorizedParties,
    });
    return authenticateUser(claims, services);
  }
  return anonymous;
}

async function authenticateApiKey(key: string, { adminDb, identities }: Container): Promise<Viewer> {
  const hash = hashApiKey(key);
  const found = await identities.apiKeys.through(
    hash,
    () =>
      adminDb.apiKey.findUnique({
        where: { hash },
        select: { id: true, organizationId: true, role: true, revokedAt: true, expiresAt: true, lastUsedAt: true },
      }),
    (row) => row !== null,
  );
  if (!found) throw authenticationError("API_KEY_INVALID", "API key is not valid");
  if (found.revokedAt) throw authenticationError("API_KEY_REVOKED", "API key has been revoked");
  if (found.expiresAt && found.expiresAt <= new Date())
    throw authenticationError("API_KEY_EXPIRED", "API key has expired");
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    // Remembered with the cached row too, so the next minute's requests do not write it again.
    found.lastUsedAt = new Date();
    await adminDb.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: found.lastUsedAt } });
  }
  return { kind: "apiKey", apiKeyId: found.id, organizationId: found.organizationId, role: found.role };
}

type Profile = { email?: string; firstName?: string; lastName?: string };

/**
 * Finds the user of a verified token in one query: their role in the active organization, the
 * live patient record linked to them when that role is patient (the one row they may see), and
 * whether invitations to their email wait. First sign-ins and waiting invitations take the
 * slower path through {@link admit}.
 */
async function authenticateUser(claims: SessionClaims, services: Container): Promise<Viewer> {
  const profile: Profile = {
    email: typeof claims.email === "string" ? claims.email.toLowerCase() : undefined,
    firstName: typeof claims.first_name === "string" ? claims.first_name : undefined,
    lastName: typeof claims.last_name === "string" ? claims.last_name : undefined,
  };
  const row = await services.identities.users.through(
    `${claims.sub}\n${profile.email ?? ""}`,
    () => findUser(claims.sub, profile, services),
    (found) => found !== undefined && !found.has_invitations,
  );
  if (!row || row.has_invitations) {
    try {
      return await admit(claims.sub, profile, services);
    } catch (error) {
      // Two first requests of one user raced to create them: the other one won, so read it again.
      if (isUniqueViolation(error)) return admit(claims.sub, profile, services);
      throw error;
    }
  }
  const changed =
    (profile.email !== undefined && profile.email !== row.email) ||
    (profile.firstName !== undefined && profile.firstName !== row.first_name) ||
    (profile.lastName !== undefined && profile.lastName !== row.last_name);
  if (changed) await services.adminDb.user.update({ where: { id: row.id }, data: profile });
  return {
    kind: "user",
    userId: row.id,
    organizationId: row.role ? row.active_organization_id : null,
    role: row.role,
    patientId: row.patient_id,
    impersonating: false,
  };
}

/** The user of a Clerk user id, with their active membership, in one query (see {@link authenticateUser}). */
async function findUser(clerkUserId: string, profile: Profile, { adminDb }: Container): Promise<UserRow | undefined> {
  const [row] = await adminDb.$queryRaw<UserRow[]>`
    SELECT u.id, u.email, u.first_name, u.last_name, u.active_organization_id, m.role, p.id AS patient_id,
      EXISTS (SELECT 1 FROM organization_invitations i
              WHERE i.email = coalesce(${profile.email ?? null}, u.email)
                AND i.accepted_at IS NULL AND i.revoked_at IS NULL AND i.expires_at > now()) AS has_invitations
    FROM users u
    LEFT JOIN user_organizations m ON m.user_id = u.id AND m.organization_id = u.active_organization_id
    LEFT JOIN patients p ON m.role = 'patient' AND p.organization_id = m.organization_id AND p.user_id = u.id
      AND p.archived_at IS NULL
    WHERE u.clerk_user_id = ${clerkUserId}`;
  return row;
}

/**
 * Creates the user if needed and turns pending invitations to their email into memberships;
 * without an active organization, the first invitation's becomes it.
 */
async function admit(clerkUserId: string, profile: Profile, { adminDb }: Container): Promise<Viewer> {
  return adminDb.$transaction(async (tx) => {
    const user = await tx.user.upsert({ where: { clerkUserId }, update: profile, create: { clerkUserId, ...profile } });
    const invitations = user.email
      ? await tx.organizationInvitation.findMany({
          where: { email: user.email, acceptedAt: null, revokedAt: null, expiresAt: { gt: new Date() } },
          orderBy: { createdAt: "asc" },
        })
      : [];
    for (const invitation of invitations) {
      const membership = await tx.userOrganization.upsert({
        where: { organizationId_userId: { organizationId: invitation.organizationId, userId: user.id } },
        update: {},
        create: { organizationId: invitation.organizationId, userId: user.id, role: invitation.role },
      });
      await tx.organizationInvitation.update({ where: { id: invitation.id }, data: { acceptedAt: new Date() } });
      await emitEvent(tx, invitation.organizationId, "member.added", {
        membershipId: encodeGlobalID("Membership", membership.id),
        userId: encodeGlobalID("User", user.id),
        role: membership.role,
      });
    }
    const current = user.activeOrganizationId
      ? await tx.userOrganization.findUnique({
          where: { organizationId_userId: { organizationId: user.activeOrganizationId, userId: user.id } },
        })
      : null;
    const first = invitations[0];
    if (!current && first) {
      await tx.user.update({ where: { id: user.id }, data: { activeOrganizationId: first.organizationId } });
    }
    const active = current ?? (first ? { organizationId: first.organizationId, role: first.role } : null);
    const patient =
      active?.role === "patient"
        ? await tx.patient.findFirst({
            where: { organizationId: active.organizationId, userId: user.id, archivedAt: null },
            select: { id: true },
          })
        : null;
    return {
      kind: "user",
      userId: user.id,
      organizationId: active?.organizationId ?? null,
      role: active?.role ?? null,
      patientId: patient?.id ?? null,
      impersonating: false,
    } satisfies Viewer;
  });
}
