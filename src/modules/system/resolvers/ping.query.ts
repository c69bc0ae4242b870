import { builder } from "../../../graphql/builder.js";

builder.queryField("ping", (t) => t.string({ authScopes: { public: true }, resolve: () => "pong" }));
