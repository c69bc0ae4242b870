import { GraphQLError } from "graphql";

/** Codes a 401 answer carries, so clients can tell an expired session from a bad key. */
export type AuthenticationErrorCode =
  | "TOKEN_EXPIRED"
  | "TOKEN_NOT_YET_VALID"
  | "TOKEN_INVALID_SIGNATURE"
  | "TOKEN_INVALID_AUTHORIZED_PARTY"
  | "TOKEN_INVALID"
  | "API_KEY_INVALID"
  | "API_KEY_REVOKED"
  | "API_KEY_EXPIRED";

/** Rejects the whole request with HTTP 401 (GraphQL and `/v1` alike). */
export function authenticationError(code: AuthenticationErrorCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code, http: { status: 401 } } });
}
