import { parseConfig } from "../../src/config/config.js";
import { type Container, type ContainerOptions, createContainer } from "../../src/container.js";
import { startHttpServer } from "../../src/http/server.js";
import type { MemberRole } from "../../src/identity/roles.js";
import { startWorker, type Worker } from "../../src/jobs/runner.js";
import { createLogger } from "../../src/logger.js";
import { forgetAuditedServer, registerAuditedServer } from "./audit-trail.js";
import { clerk, createApiKey, createOrganization, type Headers, type TestOrganization } from "./auth.js";
import { type TestDatabase, useTestDatabase } from "./database.js";
import { testEnv } from "./env.js";
import { useFixture } from "./fixture.js";
import { addMember, type TestMember } from "./members.js";

export interface TestServer {
  url: string;
  services: Container;
  close(): Promise<void>;
}

/** The environment a test server (in this process or a child) runs with; Redis channels get a private prefix. */
export function testServerEnv(db: TestDatabase, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    LOG_LEVEL: "silent",
    DATABASE_URL: db.adminUrl,
    REDIS_URL: testEnv.redisUrl,
    REDIS_PREFIX: `test:${db.name}:`,
    MIGRATE_ON_START: "false",
    CLERK_JWT_KEY: clerk.publicKey,
    // Tests play the proxy in front: their loopback requests name a client with X-Forwarded-For.
    TRUST_PROXY: "loopback,private",
    ...overrides,
  };
}

/** Starts the real HTTP server (and, unless `SERVER_ROLE=api`, the worker) inside the test process. */
export async function startTestServer(
  db: TestDatabase,
  overrides: Record<string, string> = {},
  options: ContainerOptions = {},
): Promise<TestServer> {
  const config = parseConfig(testServerEnv(db, overrides));
  const log = createLogger(config.logLevel);
  const services = createContainer(
    config,
    log,
    { adminUrl: db.adminUrl, appUrl: db.appUrl, stop: async () => {} },
    options,
  );
  const worker: Worker | undefined = config.runsWorker ? await startWorker(services, db.adminUrl) : undefined;
  const http = await startHttpServer(services);
  const url = `http://127.0.0.1:${http.port}`;
  registerAuditedServer(url, db.adminUrl);
  return {
    url,
    services,
    close: async () => {
      await forgetAuditedServer(url);
      await http.shutdown();
      await worker?.stop();
      await services.close();
    },
  };
}

export interface TestServerOptions {
  /** Runs the graphile-worker in this server too (`SERVER_ROLE=all`), so jobs run; by default only the API does, and jobs wait in the queue. */
  worker?: boolean;
  /** Environment on top of the test defaults; a function when it names a fixture started in an earlier `beforeAll` (a stand-in's URL). */
  env?: Record<string, string> | (() => Record<string, string>);
  /** Hooks into the container, e.g. a statement recorder's `options`. */
  container?: ContainerOptions;
  /** The database to serve, when several servers share one (`useTestDatabase()`); by default one of its own, dropped with it. */
  database?: TestDatabase;
}

/** A running test server, its database, and the set-up steps that every file needs, bound to its URL. */
export interface TestServerHandle extends TestServer {
  db: TestDatabase;
  /** A new organization owned by a new user (see `createOrganization` in `auth.ts`). */
  createOrganization(name?: string): Promise<TestOrganization>;
  /** A new user who joins `org` with `role`, invited by `by` (see `addMember` in `members.ts`). */
  addMember(org: TestOrganization, role: MemberRole, by?: Headers): Promise<TestMember>;
  /** An API key of `org`, created by its owner (see `createApiKey` in `auth.ts`). */
  createApiKey(
    org: TestOrganization,
    role?: Parameters<typeof createApiKey>[2],
    expiresAt?: Date,
  ): Promise<{ key: string; id: string }>;
}

/**
 * The test server of a file (or a describe block): started in `beforeAll` on a database of its
 * own (or `options.database`), closed in `afterAll`; the returned handle is usable from the
 * first test on. Register fixtures it depends on (stand-ins, a shared database) before it.
 */
export function useTestServer(options: TestServerOptions = {}): TestServerHandle {
  const db = options.database ?? useTestDatabase();
  return useFixture(
    "the test server",
    async () => {
      const env = typeof options.env === "function" ? options.env() : options.env;
      const server = await startTestServer(
        db,
        { SERVER_ROLE: options.worker ? "all" : "api", ...env },
        options.container,
      );
      return {
        ...server,
        db,
        createOrganization: (name?: string) => createOrganization(server.url, name),
        addMember: (org: TestOrganization, role: MemberRole, by?: Headers) => addMember(server.url, org, role, by),
        createApiKey: (org: TestOrganization, role?: Parameters<typeof createApiKey>[2], expiresAt?: Date) =>
          createApiKey(server.url, org, role, expiresAt),
      } satisfies TestServerHandle;
    },
    (server) => server.close(),
  );
}
