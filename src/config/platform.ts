import { z } from "zod";
import { ConfigError, configSection } from "./section.js";
import { flag, optionalUrl, positiveInt, trustedProxies, trustProxy } from "./values.js";

/** Used only outside production when INTEGRATIONS_ENCRYPTION_KEY is unset; never protects real secrets. */
const DEVELOPMENT_INTEGRATIONS_KEY = Buffer.alloc(32, "clinicgraph-development-only").toString("base64");

/** What the platform reads: server, database, Redis, GraphQL, authentication, storage. */
export const platformConfig = configSection({
  env: {
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(4000),
    HOST: z.string().min(1).default("0.0.0.0"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    SERVER_ROLE: z.enum(["all", "api", "worker"]).default("all"),
    DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
    APP_DATABASE_URL: optionalUrl(["postgres:", "postgresql:"]),
    DATABASE_POOL_SIZE: positiveInt.default(10),
    DATABASE_ACQUIRE_TIMEOUT_MS: positiveInt.default(5000),
    EMBEDDED_PG_DIR: z.string().min(1).default(".data/postgres"),
    EMBEDDED_PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
    MIGRATE_ON_START: flag.default(true),
    REDIS_URL: optionalUrl(["redis:", "rediss:"]),
    REDIS_PREFIX: z.string().default("cg:"),
    WORKER_CONCURRENCY: positiveInt.default(5),
    GRAPHQL_MAX_DEPTH: positiveInt.default(12),
    GRAPHQL_MAX_COMPLEXITY: positiveInt.default(5000),
    GRAPHIQL: flag.optional(),
    DIAGNOSTICS_ENABLED: flag.optional(),
    SHUTDOWN_TIMEOUT_MS: positiveInt.default(10_000),
    CLERK_JWT_KEY: z
      .string()
      .transform((v) => v.replace(/\\n/g, "\n"))
      .refine((v) => v.includes("-----BEGIN PUBLIC KEY-----"), {
        message: "must be a PEM public key (-----BEGIN PUBLIC KEY-----)",
      })
      .optional(),
    CLERK_AUTHORIZED_PARTIES: z
      .string()
      .transform((v) =>
        v
          .split(",")
          .map((p) => p.trim())
          .filter(Boolean),
      )
      .refine((list) => list.every((p) => URL.canParse(p)), { message: "must be a comma-separated list of origins" })
      .optional(),
    TRUST_PROXY: trustProxy.prefault("false"),
    INTEGRATIONS_ENCRYPTION_KEY: z
      .string()
      .refine((v) => Buffer.from(v, "base64").length === 32, { message: "must be 32 bytes, base64-encoded" })
      .optional(),
    PUBLIC_URL: optionalUrl(["http:", "https:"]),
    S3_BUCKET: z.string().min(1).optional(),
    S3_REGION: z.string().min(1).default("us-east-1"),
    S3_ENDPOINT: optionalUrl(["http:", "https:"]),
    S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    S3_FORCE_PATH_STYLE: flag.optional(),
    FILES_DIR: z.string().min(1).default(".data/files"),
  },
  read: (c, { development }) => {
    if (!development && !c.INTEGRATIONS_ENCRYPTION_KEY) {
      throw new ConfigError("Invalid environment variable INTEGRATIONS_ENCRYPTION_KEY: required in production");
    }
    if (Boolean(c.S3_ACCESS_KEY_ID) !== Boolean(c.S3_SECRET_ACCESS_KEY)) {
      throw new ConfigError(
        "Invalid environment variable S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together",
      );
    }
    return {
      env: c.NODE_ENV,
      port: c.PORT,
      host: c.HOST,
      logLevel: c.LOG_LEVEL,
      role: c.SERVER_ROLE,
      runsApi: c.SERVER_ROLE !== "worker",
      runsWorker: c.SERVER_ROLE !== "api",
      database: {
        url: c.DATABASE_URL,
        appUrl: c.APP_DATABASE_URL,
        poolSize: c.DATABASE_POOL_SIZE,
        /** How long a request waits for a pooled connection (or a new one) before failing with 503. */
        acquireTimeoutMs: c.DATABASE_ACQUIRE_TIMEOUT_MS,
        embeddedDir: c.EMBEDDED_PG_DIR,
        embeddedPort: c.EMBEDDED_PG_PORT,
        migrateOnStart: c.MIGRATE_ON_START,
      },
      redis: { url: c.REDIS_URL, prefix: c.REDIS_PREFIX },
      /** Which proxies' `X-Forwarded-For` names the client (see `clientAddress`); none by default. */
      trustProxy: trustedProxies(c.TRUST_PROXY),
      worker: { concurrency: c.WORKER_CONCURRENCY },
      graphql: {
        maxDepth: c.GRAPHQL_MAX_DEPTH,
        maxComplexity: c.GRAPHQL_MAX_COMPLEXITY,
        graphiql: c.GRAPHIQL ?? development,
      },
      diagnosticsEnabled: c.DIAGNOSTICS_ENABLED ?? development,
      shutdownTimeoutMs: c.SHUTDOWN_TIMEOUT_MS,
      auth: {
        /** PEM public key of the Clerk instance; unset outside production: the local dev key (`npm run auth:dev-token`). */
        clerkJwtKey: c.CLERK_JWT_KEY,
        authorizedParties: c.CLERK_AUTHORIZED_PARTIES,
      },
      /** AES-256-GCM key for integration secrets; outside production a fixed development key when unset. */
      integrationsKey: Buffer.from(c.INTEGRATIONS_ENCRYPTION_KEY ?? DEVELOPMENT_INTEGRATIONS_KEY, "base64"),
      /** Origin of the URLs this server hands out to itself (local-disk files); unset: the request's origin. */
      publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ""),
      storage: {
        /** The deployment-wide bucket, used when an organization has no `s3` integration; unset: local disk. */
        s3: c.S3_BUCKET
          ? {
              bucket: c.S3_BUCKET,
              region: c.S3_REGION,
              endpoint: c.S3_ENDPOINT,
              forcePathStyle: c.S3_FORCE_PATH_STYLE ?? Boolean(c.S3_ENDPOINT),
              // Unset: the AWS SDK's default chain (environment, instance or task role).
              credentials:
                c.S3_ACCESS_KEY_ID && c.S3_SECRET_ACCESS_KEY
                  ? { accessKeyId: c.S3_ACCESS_KEY_ID, secretAccessKey: c.S3_SECRET_ACCESS_KEY }
                  : undefined,
            }
          : undefined,
        /** Where files live without any S3. */
        filesDir: c.FILES_DIR,
      },
    };
  },
});
