import SchemaBuilder, { BasePlugin, type PothosOutputFieldConfig, type SchemaTypes } from "@pothos/core";
import type { GraphQLFieldResolver } from "graphql";
import { asServiceUnavailable } from "../dependencies.js";

/**
 * Turns a dependency's outage (PostgreSQL or Redis unreachable, see `src/dependencies.ts`) thrown
 * by a field with typed errors into a `ServiceUnavailableError`, which the errors plugin (listed
 * before this one, so it wraps it) then returns as the field's typed result. Fields without typed
 * errors are left alone: their outage errors get the code `SERVICE_UNAVAILABLE` when masked (`app.ts`).
 */
export class UnavailablePlugin<Types extends SchemaTypes> extends BasePlugin<Types> {
  override wrapResolve(
    resolver: GraphQLFieldResolver<unknown, Types["Context"], object>,
    fieldConfig: PothosOutputFieldConfig<Types>,
  ): GraphQLFieldResolver<unknown, Types["Context"], object> {
    if (!fieldConfig.extensions?.pothosErrors) return resolver;
    return async (parent, args, context, info) => {
      try {
        return await resolver(parent, args, context, info);
      } catch (error) {
        throw asServiceUnavailable(error);
      }
    };
  }
}

declare global {
  export namespace PothosSchemaTypes {
    export interface Plugins<Types extends SchemaTypes> {
      unavailable: UnavailablePlugin<Types>;
    }
  }
}

SchemaBuilder.registerPlugin("unavailable", UnavailablePlugin);

export default "unavailable" as const;
