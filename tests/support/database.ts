import { randomBytes } from "node:crypto";
import pg from "pg";
import { inject } from "vitest";
import { APP_ROLE, withSessionRole } from "../../src/db/database.js";
import { databaseUrl, testEnv } from "./env.js";
import { useFixture } from "./fixture.js";

export interface TestDatabase {
  name: string;
  adminUrl: string;
  appUrl: string;
  drop(): Promise<void>;
}

async function withAdmin<T>(use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testEnv.databaseUrl });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

/** A fresh, migrated database of this test file's own, cloned from the template. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `cg_test_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${inject("templateDatabase")}`));
  const adminUrl = databaseUrl(name);
  return {
    name,
    adminUrl,
    appUrl: withSessionRole(adminUrl, APP_ROLE),
    drop: () => withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

/** A database of this file's own (or this describe block's), created in `beforeAll` and dropped in `afterAll`. */
export function useTestDatabase(): TestDatabase {
  return useFixture("the test database", createTestDatabase, (db) => db.drop());
}
