import type { Config } from "./config/config.js";
import type { DatabaseUrls } from "./db/database.js";
import { createPrisma, type PrismaClient } from "./db/prisma.js";
import type { HoldStore } from "./holds/hold-store.js";
import { createMemoryHoldStore } from "./holds/memory-hold-store.js";
import { createRedisHoldStore } from "./holds/redis-hold-store.js";
import { developmentKeyPair } from "./identity/dev-tokens.js";
import { createIdentities, type Identities } from "./identity/identities.js";
import type { Logger } from "./logger.js";
import { createPubSub, type PubSub, type PubSubHandle } from "./pubsub/pubsub.js";
import { createDefaultStorage, type DefaultStorage } from "./storage/default-storage.js";

/** The long-lived dependencies shared by HTTP requests and jobs. */
export interface Container {
  config: Config;
  log: Logger;
  /** Connects as the API role: row-level security applies. */
  appDb: PrismaClient;
  /** Connects as the schema owner: for jobs and maintenance that work across organizations. */
  adminDb: PrismaClient;
  pubsub: PubSub;
  pubsubKind: PubSubHandle["kind"];
  redis: PubSubHandle["redis"];
  /** Slot holds: in Redis (shared by every process) when REDIS_URL is set, else in this process. */
  holds: HoldStore;
  /** Where files go when an organization has no `s3` integration: the deployment's bucket or the local disk. */
  storage: DefaultStorage;
  /** Who credentials are, remembered between requests until the identity tables change. */
  identities: Identities;
  /** PEM key that verifies session tokens: CLERK_JWT_KEY, or the local development key outside production. */
  jwtKey: string | undefined;
  startedAt: Date;
  close(): Promise<void>;
}

export interface ContainerOptions {
  /** Called with every SQL statement of the API connection (instrumentation, tests). */
  onQuery?: (sql: string) => void;
}

export function createContainer(
  config: Config,
  log: Logger,
  urls: DatabaseUrls,
  options: ContainerOptions = {},
): Container {
  const poolOptions = { acquireTimeoutMs: config.database.acquireTimeoutMs, log };
  const appDb = createPrisma(urls.appUrl, config.database.poolSize, options.onQuery, poolOptions);
  const adminDb = createPrisma(
    urls.adminUrl,
    Math.max(2, Math.ceil(config.database.poolSize / 2)),
    undefined,
    poolOptions,
  );
  const pubsub = createPubSub(config.redis.url, config.redis.prefix, log);
  const identities = createIdentities(urls.appUrl, log);
  return {
    config,
    log,
    appDb,
    adminDb,
    pubsub: pubsub.pubsub,
    pubsubKind: pubsub.kind,
    redis: pubsub.redis,
    identities,
    holds: pubsub.redis ? createRedisHoldStore(pubsub.redis, config.redis.prefix) : createMemoryHoldStore(),
    storage: createDefaultStorage(config),
    jwtKey: config.auth.clerkJwtKey ?? (config.env === "production" ? undefined : developmentKeyPair().publicKey),
    startedAt: new Date(),
    close: async () => {
      await Promise.allSettled([appDb.$disconnect(), adminDb.$disconnect(), pubsub.close(), identities.close()]);
    },
  };
}
