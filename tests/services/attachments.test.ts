import { beforeAll, describe, expect, it } from "vitest";
import { graphql } from "../generated/gql.js";
import type { TestOrganization } from "../support/auth.js";
import { gql, gqlData, uuidOf } from "../support/graphql.js";
import { connectS3, useTestS3 } from "../support/s3.js";
import { useTestServer } from "../support/server.js";
import { useTemporaryDirectory } from "../support/temporary-directory.js";
import { v1 } from "../support/v1.js";
import { createMember, createService } from "./fixtures.js";

const CreateAttachment = graphql(`
  mutation CatalogCreateServiceAttachment($input: CreateServiceAttachmentInput!) {
    createServiceAttachment(input: $input) {
      __typename
      ... on MutationCreateServiceAttachmentSuccess { data { uploadUrl expiresAt attachment { id fileName } } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const DeleteAttachment = graphql(`
  mutation CatalogDeleteServiceAttachment($id: ID!) {
    deleteServiceAttachment(id: $id) {
      __typename
      ... on MutationDeleteServiceAttachmentSuccess { data { id } }
      ... on Error { code message }
    }
  }
`);

const s3 = useTestS3();
const files = useTemporaryDirectory("cg-files-");
const server = useTestServer({ env: () => ({ FILES_DIR: files.path }) });
let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
});

const attachment = { fileName: "Knee exercises.pdf", contentType: "application/pdf", sizeBytes: 11 };

describe("service attachments", () => {
  it("stores an attachment on the server's own storage while the organization has no S3 integration", async () => {
    const org = await server.createOrganization("No S3");
    const service = await createService(server, org);
    const created = await v1(server.url, "POST", `/v1/services/${service}/attachments`, org.owner, attachment);
    expect(created.status).toBe(201);
    expect(created.body.uploadUrl).toMatch(
      new RegExp(`^${server.url}/files/organizations/${uuidOf(org.id)}/services/${uuidOf(service)}/attachments/`),
    );
    const put = await fetch(created.body.uploadUrl, {
      method: "PUT",
      body: "hello knees",
      headers: { "content-type": "application/pdf" },
    });
    expect(put.status).toBe(200);
    const listed = await v1(server.url, "GET", `/v1/services/${service}/attachments`, org.owner);
    expect(await (await fetch(listed.body.data[0].downloadUrl)).text()).toBe("hello knees");
  });

  it("answers a presigned PUT URL on the organization's bucket; the uploaded file downloads from downloadUrl", async () => {
    await connectS3(server.url, s3, a);
    const service = await createService(server, a);
    const created = await v1(server.url, "POST", `/v1/services/${service}/attachments`, a.owner, attachment);
    expect(created.status).toBe(201);
    const { uploadUrl, attachment: meta } = created.body;
    expect(uploadUrl).toMatch(
      new RegExp(`^${s3.endpoint}/${s3.bucket}/organizations/${uuidOf(a.id)}/services/${uuidOf(service)}/attachments/`),
    );
    expect(new URL(uploadUrl).searchParams.get("X-Amz-Expires")).toBe("900");
    expect(new URL(uploadUrl).searchParams.get("X-Amz-Credential")).toMatch(new RegExp(`^${s3.accessKeyId}/`));
    const put = await fetch(uploadUrl, {
      method: "PUT",
      body: "hello knees",
      headers: { "content-type": "application/pdf" },
    });
    expect(put.status).toBe(200);

    const listed = await v1(server.url, "GET", `/v1/services/${service}/attachments`, a.owner);
    expect(listed.body.data).toEqual([
      { ...attachment, id: meta.id, createdAt: expect.any(String), downloadUrl: expect.stringContaining(s3.endpoint) },
    ]);
    const download = await fetch(listed.body.data[0].downloadUrl);
    expect(await download.text()).toBe("hello knees");
  });

  it("refuses bad file metadata with field paths (422)", async () => {
    const service = await createService(server, a);
    const badType = await v1(server.url, "POST", `/v1/services/${service}/attachments`, a.owner, {
      ...attachment,
      contentType: "pdf",
    });
    expect(badType.status).toBe(422);
    expect(badType.body.error.fields).toEqual([
      { path: ["input", "contentType"], message: "must be a MIME type such as application/pdf" },
    ]);
    const empty = await gqlData(
      server.url,
      CreateAttachment,
      { input: { ...attachment, serviceId: service, sizeBytes: 0 } },
      a.owner,
    );
    expect(empty.createServiceAttachment).toMatchObject({ fields: [{ path: ["input", "sizeBytes"] }] });
    expect(await server.services.adminDb.serviceAttachment.count({ where: { serviceId: uuidOf(service) } })).toBe(0);
  });

  it("deletes an attachment on DELETE (204), and only staff may add or remove them", async () => {
    const service = await createService(server, a);
    const created = await gqlData(
      server.url,
      CreateAttachment,
      { input: { ...attachment, serviceId: service } },
      a.owner,
    );
    const id =
      created.createServiceAttachment.__typename === "MutationCreateServiceAttachmentSuccess"
        ? created.createServiceAttachment.data.attachment.id
        : "";
    const specialist = await createMember(server, a, "specialist");
    const forbidden = await gql(server.url, DeleteAttachment, { id }, specialist.headers);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const deleted = await v1(server.url, "DELETE", `/v1/services/${service}/attachments/${id}`, a.owner);
    expect(deleted.status).toBe(204);
    expect(await server.services.adminDb.serviceAttachment.count({ where: { id: uuidOf(id) } })).toBe(0);
  });

  it("keeps another organization's attachments out of reach: 404 and nothing changed", async () => {
    await connectS3(server.url, s3, b);
    const theirService = await createService(server, b);
    const theirs = await gqlData(
      server.url,
      CreateAttachment,
      { input: { ...attachment, serviceId: theirService } },
      b.owner,
    );
    const theirId =
      theirs.createServiceAttachment.__typename === "MutationCreateServiceAttachmentSuccess"
        ? theirs.createServiceAttachment.data.attachment.id
        : "";
    expect((await v1(server.url, "GET", `/v1/services/${theirService}/attachments`, a.owner)).status).toBe(404);
    const add = await gqlData(
      server.url,
      CreateAttachment,
      { input: { ...attachment, serviceId: theirService } },
      a.owner,
    );
    expect(add.createServiceAttachment).toMatchObject({ __typename: "NotFoundError" });
    const remove = await gqlData(server.url, DeleteAttachment, { id: theirId }, a.owner);
    expect(remove.deleteServiceAttachment).toMatchObject({ __typename: "NotFoundError" });
    expect(await server.services.adminDb.serviceAttachment.count({ where: { serviceId: uuidOf(theirService) } })).toBe(
      1,
    );
  });
});
