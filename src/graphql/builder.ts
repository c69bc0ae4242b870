import SchemaBuilder from "@pothos/core";
import ComplexityPlugin, { ComplexityErrorKind } from "@pothos/plugin-complexity";
import DataloaderPlugin from "@pothos/plugin-dataloader";
import ErrorsPlugin from "@pothos/plugin-errors";
import PrismaPlugin from "@pothos/plugin-prisma";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { GraphQLError } from "graphql";
import { ServiceUnavailableError, ValidationError } from "../errors.js";
import type PrismaTypes from "../generated/pothos-prisma-types.js";
import { getDatamodel } from "../generated/pothos-prisma-types.js";
import type { MemberRole } from "../identity/roles.js";
import { viewerRole } from "../identity/viewer.js";
import type { Context } from "./context.js";
import { decodeUuidGlobalID } from "./global-id.js";
import UnavailablePlugin from "./unavailable-plugin.js";

export interface AuthScopes {
  /** Anyone, signed in or not. */
  public: boolean;
  /** Diagnostics operations are switched on (DIAGNOSTICS_ENABLED). */
  diagnostics: boolean;
  /** A signed-in user or an API key. */
  authenticated: boolean;
  /** A signed-in user acting as themselves (not an API key, not an admin acting as a patient). */
  signedIn: boolean;
  /** The caller acts in an organization (a user's active one, or an API key's) with one of these roles. */
  orgRole: readonly MemberRole[];
}

/** The one schema builder; every module adds its types and fields to it. */
export const builder = new SchemaBuilder<{
  Context: Context;
  PrismaTypes: PrismaTypes;
  AuthScopes: AuthScopes;
  DefaultFieldNullability: false;
  DefaultInputFieldRequiredness: true;
  Scalars: {
    DateTime: { Input: Date; Output: Date };
    JSON: { Input: unknown; Output: unknown };
    ID: { Input: string; Output: string | number | bigint };
  };
}>({
  // Order matters: errors wrap everything (and see outages as ServiceUnavailableError);
  // relay before scope-auth so scopes see parsed ids.
  plugins: [
    ErrorsPlugin,
    UnavailablePlugin,
    RelayPlugin,
    ScopeAuthPlugin,
    PrismaPlugin,
    DataloaderPlugin,
    ValidationPlugin,
    ComplexityPlugin,
  ],
  defaultFieldNullability: false,
  defaultInputFieldRequiredness: true,
  errors: { defaultTypes: [ValidationError, ServiceUnavailableError], unsafelyHandleInputErrors: true },
  validation: {
    validationError: (result) =>
      ValidationError.fromIssues(
        result.issues.map((i) => ({
          path: (i.path ?? []).map((p) => (typeof p === "object" ? p.key : p)) as PropertyKey[],
          message: i.message,
          // Zod's issue fields (the plugin's issue inherits them): unknown keys are reported by name.
          code: (i as { code?: string }).code,
          keys: (i as { keys?: string[] }).keys,
        })) as never,
      ),
  },
  relay: { clientMutationId: "omit", cursorType: "String", decodeGlobalID: decodeUuidGlobalID },
  scopeAuth: {
    authorizeOnSubscribe: true,
    authScopes: (ctx) => ({
      public: true,
      diagnostics: ctx.services.config.diagnosticsEnabled,
      authenticated: ctx.viewer.kind !== "anonymous",
      signedIn: ctx.viewer.kind === "user" && !ctx.viewer.impersonating,
      orgRole: (roles) => {
        const role = viewerRole(ctx.viewer);
        return role !== null && ctx.scope.organizationId !== null && roles.includes(role);
      },
    }),
    unauthorizedError: (_parent, ctx, _info, result) =>
      new GraphQLError(result.message, {
        extensions: { code: ctx.viewer.kind === "anonymous" ? "UNAUTHENTICATED" : "FORBIDDEN" },
      }),
  },
  prisma: {
    client: (ctx) => ctx.db,
    dmmf: getDatamodel(),
    filterConnectionTotalCount: true,
    onUnusedQuery: process.env.NODE_ENV === "production" ? null : "warn",
  },
  complexity: {
    defaultComplexity: 1,
    defaultListMultiplier: 10,
    limit: (ctx) => ({
      depth: ctx.services.config.graphql.maxDepth,
      complexity: ctx.services.config.graphql.maxComplexity,
    }),
    complexityError: (kind, result) => {
      const measure =
        kind === ComplexityErrorKind.Depth ? "depth" : kind === ComplexityErrorKind.Breadth ? "breadth" : "complexity";
      const max = { depth: result.maxDepth, breadth: result.maxBreadth, complexity: result.maxComplexity }[measure];
      return new GraphQLError(`Query rejected: its ${measure} of ${result[measure]} exceeds the maximum of ${max}`, {
        extensions: { code: measure === "depth" ? "QUERY_TOO_DEEP" : "QUERY_TOO_COMPLEX" },
      });
    },
  },
});
