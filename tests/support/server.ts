import { randomBytes } from "node:crypto";
import { parseConfig } from "../../src/config/config.js";
import { type Container, type ContainerOptions, createContainer } from "../../src/container.js";
import { startHttpServer } from "../../src/http/server.js";
import { startWorker, type Worker } from "../../src/jobs/runner.js";
import { createLogger } from "../../src/logger.js";
import { clerk } from "./auth.js";
import type { TestDatabase } from "./database.js";
import { testEnv } from "./env.js";

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
  return {
    url: `http://127.0.0.1:${http.port}`,
    services,
    close: async () => {
      await http.shutdown();
      await worker?.stop();
      await services.close();
    },
  };
}

export const uniqueSuffix = () => randomBytes(4).toString("hex");
