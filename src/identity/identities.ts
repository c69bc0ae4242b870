import type { Logger } from "../logger.js";
import { IdentityCache, listenForIdentityChanges } from "./identity-cache.js";
import type { MemberRole } from "./roles.js";

/** An API key as authentication finds it (by the hash of the key). */
export interface ApiKeyIdentity {
  id: string;
  organizationId: string;
  role: MemberRole;
  revokedAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
}

/** The looked-up identities this process remembers (see {@link IdentityCache}). */
export interface Identities {
  apiKeys: IdentityCache<ApiKeyIdentity | null>;
  users: IdentityCache<UserRow | undefined>;
  close(): Promise<void>;
}

/**
 * The identity caches of an API process, kept current by the database's change notifications.
 * Apart from `authenticate.ts` so the container can make them without importing authentication
 * (which takes the container).
 */
export function createIdentities(connectionString: string, log: Logger): Identities {
  const apiKeys = new IdentityCache<ApiKeyIdentity | null>();
  const users = new IdentityCache<UserRow | undefined>();
  const close = listenForIdentityChanges(connectionString, [apiKeys, users], log);
  return { apiKeys, users, close };
}

/** A user as authentication finds them (see `authenticate.ts`). */
export interface UserRow {
  id: string;
  email: string | null;
  first_name: string | null;
  last_name: string | null;
  active_organization_id: string | null;
  role: MemberRole | null;
  patient_id: string | null;
  has_invitations: boolean;
}
