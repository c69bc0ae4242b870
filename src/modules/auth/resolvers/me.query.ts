import { builder } from "../../../graphql/builder.js";
import { MeRef } from "../types/me.type.js";

builder.queryField("me", (t) =>
  t.field({ type: MeRef, authScopes: { authenticated: true }, resolve: (_root, _args, ctx) => ctx.viewer }),
);
