import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { mutationCheck, requestStart, verifyV1Write } from "../support/audit-trail.js";
import { useTestServer } from "../support/server.js";

const server = useTestServer();

const rename = `mutation AuditRuleRename($input: UpdateOrganizationInput!) {
  updateOrganization(input: $input) { ... on MutationUpdateOrganizationSuccess { data { id } } }
}`;

/** The suite-wide check that `gql()` and `v1()` run after every mutation (tests/support/audit-trail.ts); `AUDIT_TRAIL_SURVEY=<file>` makes its breaches lines of that file, so these tests fail in that mode. */
describe("the audit rule check", () => {
  it("asks each root field's type under a private alias and takes it out of the answer again", async () => {
    const check = mutationCheck(server.url, rename);
    expect(check?.query).toContain("__auditTrailTypename: __typename");
    const result = {
      data: { updateOrganization: { __auditTrailTypename: "ValidationError" } },
    } as { data: Record<string, Record<string, unknown>> };
    await check?.verify(result, randomUUID(), requestStart());
    expect(result.data.updateOrganization).toEqual({});
  });

  it("fails a mutation that succeeded without its audit row", async () => {
    const check = mutationCheck(server.url, rename);
    const succeeded = { data: { updateOrganization: { __auditTrailTypename: "MutationUpdateOrganizationSuccess" } } };
    await expect(check?.verify(succeeded, randomUUID(), requestStart())).rejects.toThrow(/Audit rule broken/);
  });

  it("fails a refused /v1 write that left an audit row, and passes one that left none", async () => {
    const requestId = randomUUID();
    const since = requestStart();
    await server.services.adminDb.auditLog.createMany({
      data: { action: "organization.update", entityType: "Organization", entityId: null, requestId },
    });
    await expect(verifyV1Write(server.url, "PATCH", "/v1/organizations/x", 422, requestId, since)).rejects.toThrow(
      /expected 0 audit row\(s\), found 1/,
    );
    await expect(verifyV1Write(server.url, "PATCH", "/v1/organizations/x", 422, randomUUID(), since)).resolves.toBe(
      undefined,
    );
  });

  it("checks neither queries nor servers it does not know", () => {
    expect(mutationCheck(server.url, "query { ping }")).toBeNull();
    expect(mutationCheck("http://127.0.0.1:1", rename)).toBeNull();
  });
});
