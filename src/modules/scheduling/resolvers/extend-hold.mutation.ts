import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { extendHold } from "../domain/holds/extend-hold.js";
import { HoldRef } from "../types/hold.type.js";

builder.mutationField("extendHold", (t) =>
  t.field({
    type: HoldRef,
    description: "Gives a live hold a fresh TTL from now.",
    authScopes: { public: true },
    errors: { types: [NotFoundError] },
    args: { token: t.arg.string() },
    resolve: (_root, { token }, ctx) => extendHold(ctx, token),
  }),
);
