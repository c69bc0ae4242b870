import { beforeAll, describe, expect, it } from "vitest";
import { inScopedTransaction, scopedClient } from "../../src/db/tenant.js";
import type { TestOrganization } from "../support/auth.js";
import { uuidOf } from "../support/graphql.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();
let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
  await Promise.all([server.createApiKey(a), server.createApiKey(b), server.createApiKey(b)]);
});

describe("row-level security in the database itself", () => {
  it("a raw query through A's scoped handle, with no WHERE, sees only A's rows", async () => {
    const scoped = scopedClient(server.services.appDb, { organizationId: uuidOf(a.id), userId: null, role: null });
    const keys = await scoped.$queryRaw<{ organization_id: string }[]>`SELECT organization_id FROM api_keys`;
    expect(keys.map((k) => k.organization_id)).toEqual([uuidOf(a.id)]);
    const organizations = await scoped.$queryRaw<{ id: string }[]>`SELECT id FROM organizations`;
    expect(organizations.map((o) => o.id)).toEqual([uuidOf(a.id)]);
    // The owner connection sees both organizations' keys: the filter above came from the policies.
    expect(await server.services.adminDb.apiKey.count()).toBe(3);
  });

  it("with no organization in scope the API role sees no tenant rows at all", async () => {
    const unscoped = scopedClient(server.services.appDb, { organizationId: null, userId: null, role: null });
    expect(await unscoped.apiKey.count()).toBe(0);
    expect(await unscoped.organization.count()).toBe(0);
  });

  it("refuses to write a row into another organization", async () => {
    await expect(
      inScopedTransaction(server.services.appDb, { organizationId: uuidOf(a.id), userId: null, role: null }, (tx) =>
        tx.apiKey.create({
          data: { organizationId: uuidOf(b.id), name: "sneaky", prefix: "x", hash: "x", role: "admin" },
        }),
      ),
    ).rejects.toThrow(/row-level security/);
  });

  it("runs API queries as a role that is no superuser, owns no table and cannot bypass RLS", async () => {
    const [role] = await server.services.appDb.$queryRaw<
      { current_user: string; rolsuper: boolean; rolbypassrls: boolean }[]
    >`
      SELECT current_user, r.rolsuper, r.rolbypassrls FROM pg_roles r WHERE r.rolname = current_user`;
    expect(role).toEqual({ current_user: "clinicgraph_app", rolsuper: false, rolbypassrls: false });
    const [owned] = await server.services.appDb.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pg_tables WHERE schemaname = 'public' AND tableowner = current_user`;
    expect(owned?.n).toBe(0n);
  });

  it("every table with an organization_id column has row-level security enabled", async () => {
    const unprotected = await server.services.adminDb.$queryRaw<{ table_name: string }[]>`
      SELECT c.table_name FROM information_schema.columns c
      JOIN pg_class t ON t.relname = c.table_name AND t.relnamespace = 'public'::regnamespace
      WHERE c.table_schema = 'public' AND c.column_name = 'organization_id' AND NOT t.relrowsecurity`;
    expect(unprotected).toEqual([]);
  });
});
