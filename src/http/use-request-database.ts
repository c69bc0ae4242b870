import type { Plugin } from "graphql-yoga";
import { scopedClient } from "../db/tenant.js";
import type { Context } from "../graphql/context.js";

/**
 * Ends each operation's shared read transaction when the operation's result is ready, before
 * the answer goes out (so the connection is back in the pool first). A subscription lives for as long as its
 * stream, so it reads with a transaction per query instead of holding a connection.
 */
export function useRequestDatabase(): Plugin {
  return {
    onExecute: () => ({
      onExecuteDone: ({ args }) => {
        const { database, log } = args.contextValue as Context;
        return database.release().catch((error: unknown) => log.warn({ err: error }, "read transaction did not end"));
      },
    }),
    onSubscribe: ({ args }) => {
      const ctx = args.contextValue as Context;
      ctx.db = scopedClient(ctx.services.appDb, ctx.scope);
    },
  };
}
