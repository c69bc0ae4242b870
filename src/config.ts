import { BlockList, isIP } from "node:net";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const positiveInt = z.coerce.number().int().positive();
const optionalUrl = (protocols: string[]) =>
  z
    .string()
    .refine((v) => URL.canParse(v) && protocols.includes(new URL(v).protocol), {
      message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(" or ")}`,
    })
    .optional();

const durationUnits = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** `5s,5m,2h`: a comma-separated list of durations (ms, s, m, h), in milliseconds. */
const durations = z
  .string()
  .transform((v) => v.split(",").map((part) => /^\s*(\d+)(ms|s|m|h)\s*$/.exec(part)))
  .refine((matches) => matches.every(Boolean), {
    message: "must be a comma-separated list of durations such as 5s,5m,2h",
  })
  .transform((matches) =>
    matches.map((m) => Number(m?.[1]) * durationUnits[(m?.[2] ?? "ms") as keyof typeof durationUnits]),
  );

/** `example.com,127.0.0.1,10.0.0.0/8`: host names, addresses and CIDR ranges. */
const hostsAndNetworks = z
  .string()
  .transform((v) =>
    v
      .split(",")
      .map((p) => p.trim().toLowerCase())
      .filter(Boolean),
  )
  .refine(
    (entries) =>
      entries.every((e) => networkOf(e) ?? /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/.test(e)),
    {
      message: "must be a comma-separated list of host names, IP addresses and CIDR ranges",
    },
  );

/**
 * `TRUST_PROXY`: which forwarding proxies' `X-Forwarded-For` is believed. `false` (default): none,
 * the socket's address is the client's; a hop count such as `1`: that many proxies in front;
 * `true`: every hop (only behind a proxy that overwrites the header); or a list of the proxies'
 * addresses and CIDR ranges (`loopback`, `private` name the usual ranges).
 */
const trustProxy = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .transform((v) => {
    if (v === "false" || v === "0") return { kind: "none" as const };
    if (v === "true") return { kind: "all" as const };
    if (/^\d+$/.test(v)) return { kind: "hops" as const, hops: Number(v) };
    const entries = v
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean)
      .flatMap((e) => namedNetworks[e] ?? [e]);
    return { kind: "networks" as const, entries };
  })
  .refine((t) => t.kind !== "networks" || (t.entries.length > 0 && t.entries.every((e) => networkOf(e))), {
    message: "must be false, true, a hop count, or a comma-separated list of IP addresses and CIDR ranges",
  });

const namedNetworks: Record<string, string[]> = {
  loopback: ["127.0.0.0/8", "::1/128"],
  private: ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"],
};

/** `10.0.0.0/8` or `::1` as an address, prefix and family; undefined when it is neither. */
function networkOf(entry: string) {
  const [address = "", prefix, extra] = entry.split("/");
  const version = isIP(address);
  if (!version || extra !== undefined) return undefined;
  const max = version === 4 ? 32 : 128;
  const bits = prefix === undefined ? max : /^\d{1,3}$/.test(prefix) ? Number(prefix) : Number.NaN;
  return bits >= 0 && bits <= max
    ? { address, prefix: bits, family: version === 4 ? ("ipv4" as const) : ("ipv6" as const) }
    : undefined;
}

/**
 * Every environment variable the server reads. Parsed once at start-up; `.env.example`
 * documents each one.
 */
const envSchema = z.object({
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
  HOLD_TTL_SECONDS: positiveInt.default(300),
  HOLD_MAX_PER_CLIENT: positiveInt.default(3),
  INTEGRATIONS_ENCRYPTION_KEY: z
    .string()
    .refine((v) => Buffer.from(v, "base64").length === 32, { message: "must be 32 bytes, base64-encoded" })
    .optional(),
  WEBHOOK_TIMEOUT_MS: positiveInt.default(10_000),
  WEBHOOK_RETRY_SCHEDULE: durations.prefault("5s,5m,30m,2h,5h,10h,10h"),
  WEBHOOK_MAX_CONSECUTIVE_FAILURES: positiveInt.default(10),
  WEBHOOK_ENDPOINT_CONCURRENCY: positiveInt.max(50).default(2),
  WEBHOOK_ALLOWED_HOSTS: hostsAndNetworks.optional(),
  PUBLIC_URL: optionalUrl(["http:", "https:"]),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: optionalUrl(["http:", "https:"]),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: flag.optional(),
  FILES_DIR: z.string().min(1).default(".data/files"),
  APPOINTMENT_FILE_MAX_BYTES: positiveInt.default(25 * 1024 * 1024),
  DAILY_API_URL: optionalUrl(["https:", "http:"]).default("https://api.daily.co/v1"),
  DAILY_TIMEOUT_MS: positiveInt.default(10_000),
});

export type Config = ReturnType<typeof parseConfig>;

/** Used only outside production when INTEGRATIONS_ENCRYPTION_KEY is unset; never protects real secrets. */
const DEVELOPMENT_INTEGRATIONS_KEY = Buffer.alloc(32, "clinicgraph-development-only").toString("base64");

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws a {@link ConfigError} whose message is one line naming the variable. */
export function parseConfig(env: NodeJS.ProcessEnv = process.env) {
  const blankAsUnset = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ""));
  const result = envSchema.safeParse(blankAsUnset);
  if (!result.success) {
    const issue = result.error.issues[0];
    const name = String(issue?.path[0] ?? "environment");
    const got = env[name];
    throw new ConfigError(
      `Invalid environment variable ${name}: ${issue?.message ?? "invalid"}${got === undefined ? "" : ` (got "${got}")`}`,
    );
  }
  const c = result.data;
  const development = c.NODE_ENV !== "production";
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
    /** Slot holds: how long one lasts unless extended, and how many one client may have at once. */
    holds: { ttlMs: c.HOLD_TTL_SECONDS * 1000, maxPerClient: c.HOLD_MAX_PER_CLIENT },
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
    webhooks: {
      timeoutMs: c.WEBHOOK_TIMEOUT_MS,
      /** Delays before the 2nd, 3rd... attempt of a message (ms); its length + 1 attempts in all. */
      retrySchedule: c.WEBHOOK_RETRY_SCHEDULE,
      maxConsecutiveFailures: c.WEBHOOK_MAX_CONSECUTIVE_FAILURES,
      endpointConcurrency: c.WEBHOOK_ENDPOINT_CONCURRENCY,
      /** Host names that endpoints may use whatever they resolve to. */
      allowedHosts: new Set((c.WEBHOOK_ALLOWED_HOSTS ?? []).filter((e) => !networkOf(e))),
      /** Private, loopback or link-local addresses endpoints may nevertheless resolve to. */
      allowedNetworks: allowedNetworks(c.WEBHOOK_ALLOWED_HOSTS ?? []),
    },
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
    appointmentFiles: { maxBytes: c.APPOINTMENT_FILE_MAX_BYTES },
    daily: {
      /** Daily.co's REST API; an organization's `daily` integration may name another (`config.apiUrl`). */
      apiUrl: c.DAILY_API_URL,
      /** One request to Daily (answer included) fails after this, and is retried. */
      timeoutMs: c.DAILY_TIMEOUT_MS,
    },
  };
}

function allowedNetworks(entries: string[]): BlockList {
  const list = new BlockList();
  for (const network of entries.map(networkOf)) {
    if (network) list.addSubnet(network.address, network.prefix, network.family);
  }
  return list;
}

/** What `TRUST_PROXY` trusts: no forwarding header, a number of hops, every hop, or proxies by address. */
export type TrustProxy =
  | { kind: "none" }
  | { kind: "all" }
  | { kind: "hops"; hops: number }
  | { kind: "networks"; networks: BlockList };

function trustedProxies(
  parsed: { kind: "none" | "all" } | { kind: "hops"; hops: number } | { kind: "networks"; entries: string[] },
): TrustProxy {
  if (parsed.kind === "networks") return { kind: "networks", networks: allowedNetworks(parsed.entries) };
  if (parsed.kind === "hops" && parsed.hops === 0) return { kind: "none" };
  return parsed;
}
