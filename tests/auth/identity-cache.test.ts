import pg from "pg";
import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import { asApiKey, type Headers, type TestOrganization } from "../support/auth.js";
import { useTestDatabase } from "../support/database.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { RevokeApiKey } from "../support/organization-documents.js";
import { useServerProcess } from "../support/process.js";
import { useTestServer } from "../support/server.js";

const Me = graphql(`
  query IdentityCacheMe { me { user { id } activeOrganization { id } role } }
`);
const db = useTestDatabase();
const first = useTestServer({ database: db });
const second = useServerProcess(db, { SERVER_ROLE: "api" });
let org: TestOrganization;

beforeAll(async () => {
  org = await first.createOrganization();
});

const me = (url: string, headers: Headers) => gql(url, Me, {}, headers);

/**
 * API processes remember who a credential is between requests; a committed change to the
 * identity tables makes every process forget, so no process acts on a stale identity.
 */
describe("remembered identities, two server processes", () => {
  it("refuses a key revoked through one process on the very next request to the other", async () => {
    const { key, id } = await first.createApiKey(org, "staff");
    // The second process has looked the key up (and remembers it).
    for (let i = 0; i < 3; i++) expect((await me(second.url, asApiKey(key))).data?.me?.role).toBe("staff");
    expect((await gqlData(first.url, RevokeApiKey, { id }, org.owner)).revokeApiKey.__typename).toBe(
      "MutationRevokeApiKeySuccess",
    );
    const after = await me(second.url, asApiKey(key));
    expect(after.errors?.[0]?.extensions?.code).toBe("API_KEY_REVOKED");
  });

  it("sees a role changed or a membership removed straight in the database on the next request", async () => {
    const member = await first.addMember(org, "staff");
    for (const url of [first.url, second.url]) expect((await me(url, member.headers)).data?.me?.role).toBe("staff");
    const admin = new pg.Client({ connectionString: db.adminUrl });
    await admin.connect();
    try {
      await admin.query("UPDATE user_organizations SET role = 'admin' WHERE user_id = $1", [uuidOf(member.userId)]);
      for (const url of [first.url, second.url]) expect((await me(url, member.headers)).data?.me?.role).toBe("admin");
      await admin.query("DELETE FROM user_organizations WHERE user_id = $1", [uuidOf(member.userId)]);
      for (const url of [first.url, second.url]) {
        const answer = await me(url, member.headers);
        expect(answer.data?.me?.activeOrganization).toBeNull();
        expect(answer.data?.me?.role).toBeNull();
      }
    } finally {
      await admin.end();
    }
  });
});
