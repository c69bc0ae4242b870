import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { ownHold } from "../domain/holds/hold-clients.js";
import { HoldRef } from "../types/hold.type.js";

builder.queryField("hold", (t) =>
  t.field({
    type: HoldRef,
    nullable: true,
    description: "A live hold of yours (or an anonymous widget's, by its token); null once released or expired.",
    authScopes: { public: true },
    args: { token: t.arg.string() },
    resolve: (_root, { token }, ctx) =>
      ownHold(ctx.services.holds, ctx, token).catch((error: unknown) => {
        if (error instanceof NotFoundError) return null;
        throw error;
      }),
  }),
);
