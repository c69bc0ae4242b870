import { builder } from "../../../graphql/builder.js";
import { version } from "../domain/version.js";

interface ServerInfo {
  version: string;
  role: string;
  pubsub: string;
  uptimeSeconds: number;
}

const ServerInfoRef = builder.objectRef<ServerInfo>("ServerInfo").implement({
  fields: (t) => ({
    version: t.exposeString("version"),
    role: t.exposeString("role", { description: "all, api or worker (SERVER_ROLE)." }),
    pubsub: t.exposeString("pubsub", { description: "redis, or in-process when REDIS_URL is not set." }),
    uptimeSeconds: t.exposeInt("uptimeSeconds"),
  }),
});

builder.queryFields((t) => ({
  ping: t.string({ authScopes: { public: true }, resolve: () => "pong" }),
  serverInfo: t.field({
    type: ServerInfoRef,
    authScopes: { public: true },
    resolve: (_root, _args, { services }) => ({
      version,
      role: services.config.role,
      pubsub: services.pubsubKind,
      uptimeSeconds: Math.floor((Date.now() - services.startedAt.getTime()) / 1000),
    }),
  }),
}));
