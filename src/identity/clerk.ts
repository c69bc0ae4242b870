import { verifyToken } from "@clerk/backend";
import type { AuthenticationErrorCode } from "./authentication-error.js";
import { authenticationError } from "./authentication-error.js";
import type { SessionClaims } from "./dev-tokens.js";

const codeByReason: Record<string, AuthenticationErrorCode> = {
  "token-expired": "TOKEN_EXPIRED",
  "token-not-active-yet": "TOKEN_NOT_YET_VALID",
  "token-iat-in-the-future": "TOKEN_NOT_YET_VALID",
  "token-invalid-signature": "TOKEN_INVALID_SIGNATURE",
  "token-invalid-authorized-parties": "TOKEN_INVALID_AUTHORIZED_PARTY",
};

/**
 * Verifies a Clerk session token locally with the instance's PEM public key (no network).
 * Throws a 401 GraphQL error with a specific code for every way a token can be wrong.
 */
export async function verifySessionToken(
  token: string,
  options: { jwtKey: string; authorizedParties?: string[] },
): Promise<SessionClaims> {
  try {
    const claims = await verifyToken(token, { jwtKey: options.jwtKey, authorizedParties: options.authorizedParties });
    if (typeof claims.sub !== "string" || !claims.sub)
      throw authenticationError("TOKEN_INVALID", "Session token has no subject");
    return claims as SessionClaims;
  } catch (error) {
    if (error instanceof Error && "extensions" in error) throw error;
    const reason = (error as { reason?: string }).reason ?? "";
    const code = codeByReason[reason] ?? "TOKEN_INVALID";
    throw authenticationError(code, `Session token rejected: ${(error as Error).message}`);
  }
}
