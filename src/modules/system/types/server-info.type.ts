import { builder } from "../../../graphql/builder.js";

interface ServerInfo {
  version: string;
  role: string;
  pubsub: string;
  uptimeSeconds: number;
}

export const ServerInfoRef = builder.objectRef<ServerInfo>("ServerInfo").implement({
  fields: (t) => ({
    version: t.exposeString("version"),
    role: t.exposeString("role", { description: "all, api or worker (SERVER_ROLE)." }),
    pubsub: t.exposeString("pubsub", { description: "redis, or in-process when REDIS_URL is not set." }),
    uptimeSeconds: t.exposeInt("uptimeSeconds"),
  }),
});
