import { builder } from "../../../graphql/builder.js";
import { version } from "../domain/version.js";
import { ServerInfoRef } from "../types/server-info.type.js";

builder.queryField("serverInfo", (t) =>
  t.field({
    type: ServerInfoRef,
    authScopes: { public: true },
    resolve: (_root, _args, { services }) => ({
      version,
      role: services.config.role,
      pubsub: services.pubsubKind,
      uptimeSeconds: Math.floor((Date.now() - services.startedAt.getTime()) / 1000),
    }),
  }),
);
