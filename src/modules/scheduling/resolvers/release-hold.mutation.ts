import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { releaseHold } from "../domain/holds/release-hold.js";
import { HoldRef } from "../types/hold.type.js";

builder.mutationField("releaseHold", (t) =>
  t.field({
    type: HoldRef,
    description: "Gives a held slot back at once.",
    authScopes: { public: true },
    errors: { types: [NotFoundError] },
    args: { token: t.arg.string() },
    resolve: (_root, { token }, ctx) => releaseHold(ctx, token),
  }),
);
