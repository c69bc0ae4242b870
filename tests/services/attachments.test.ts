import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createS3ObjectStore } from "../../src/storage/s3-object-store.js";
import { graphql } from "../generated/gql.js";
import type { Headers, TestOrganization } from "../support/auth.js";
import { describeCrossTenant, empty, notFound, operation } from "../support/cross-tenant.js";
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
      ... on MutationCreateServiceAttachmentSuccess {
        data { upload { url method headers { name value } expiresAt } attachment { id fileName uploadedAt downloadUrl } }
      }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const ConfirmAttachment = graphql(`
  mutation CatalogConfirmServiceAttachmentUpload($id: ID!) {
    confirmServiceAttachmentUpload(id: $id) {
      __typename
      ... on MutationConfirmServiceAttachmentUploadSuccess { data { id uploadedAt } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on UploadMismatchError { uploadedSizeBytes uploadedContentType }
    }
  }
`);

const DeleteAttachment = graphql(`
  mutation CatalogDeleteServiceAttachment($id: ID!) {
    deleteServiceAttachment(id: $id) {
      __typename
      ... on MutationDeleteServiceAttachmentSuccess { data { id } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

const AttachmentNode = graphql(`
  query CatalogServiceAttachmentNode($id: ID!) {
    node(id: $id) { id ... on ServiceAttachment { fileName uploadedAt downloadUrl } }
  }
`);

const MAX_BYTES = 2000;
const s3 = useTestS3();
const files = useTemporaryDirectory("cg-files-");
const server = useTestServer({
  env: () => ({ FILES_DIR: files.path, SERVICE_ATTACHMENT_MAX_BYTES: String(MAX_BYTES) }),
});
let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
  await connectS3(server.url, s3, a);
});

/** A's files go to its own bucket (the `s3` integration) on the stand-in; other organizations' to the local disk. */
const attachment = { fileName: "Knee exercises.pdf", contentType: "application/pdf", sizeBytes: 11 };
const bytes = "hello knees";

interface Upload {
  url: string;
  method: string;
  headers: { name: string; value: string }[];
  expiresAt: string;
}
interface Created {
  upload: Upload;
  uploadUrl: string;
  attachment: { id: string };
}

/** Starts an upload through /v1 and answers the created body. */
async function start(service: string, headers: Headers, file = attachment): Promise<Created> {
  const created = await v1(server.url, "POST", `/v1/services/${service}/attachments`, headers, file);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return created.body;
}

/** PUTs `body` as the upload says (its method and headers), with `extra` headers over them. */
const put = ({ upload }: Created, body: string, extra: Record<string, string> = {}) =>
  fetch(upload.url, {
    method: upload.method,
    body,
    headers: { ...Object.fromEntries(upload.headers.map((h) => [h.name, h.value])), ...extra },
  });

const confirm = (service: string, id: string, headers: Headers) =>
  v1(server.url, "POST", `/v1/services/${service}/attachments/${id}/confirm`, headers);

const list = (service: string, headers: Headers) =>
  v1(server.url, "GET", `/v1/services/${service}/attachments`, headers);

/** The bucket as the server sees it, to check what is stored under a key. */
const bucket = () =>
  createS3ObjectStore({
    bucket: s3.bucket,
    region: s3.region,
    endpoint: s3.endpoint,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });
const s3KeyOf = (created: Created) => new URL(created.upload.url).pathname.slice(`/${s3.bucket}/`.length);
const diskPathOf = (created: Created) =>
  path.join(files.path, new URL(created.upload.url).pathname.slice("/files/".length));

describe("service attachments", () => {
  it("stores an attachment on the server's own storage while the organization has no S3 integration", async () => {
    const org = await server.createOrganization("No S3");
    const service = await createService(server, org);
    const created = await start(service, org.owner);
    expect(created.upload.url).toMatch(
      new RegExp(`^${server.url}/files/organizations/${uuidOf(org.id)}/services/${uuidOf(service)}/attachments/`),
    );
    expect(created.upload).toMatchObject({
      method: "PUT",
      headers: [{ name: "content-type", value: "application/pdf" }],
      expiresAt: expect.any(String),
    });
    expect(created.uploadUrl).toBe(created.upload.url);
    expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(service, created.attachment.id, org.owner)).status).toBe(200);
    const listed = await list(service, org.owner);
    expect(await (await fetch(listed.body.data[0].downloadUrl)).text()).toBe(bytes);
  });

  it("answers a presigned PUT URL on the organization's bucket; once confirmed, the file downloads from downloadUrl", async () => {
    const service = await createService(server, a);
    const created = await start(service, a.owner);
    const { upload, attachment: meta } = created;
    expect(upload.url).toMatch(
      new RegExp(`^${s3.endpoint}/${s3.bucket}/organizations/${uuidOf(a.id)}/services/${uuidOf(service)}/attachments/`),
    );
    expect(new URL(upload.url).searchParams.get("X-Amz-Expires")).toBe("900");
    expect(new URL(upload.url).searchParams.get("X-Amz-Credential")).toMatch(new RegExp(`^${s3.accessKeyId}/`));
    expect(new URL(upload.url).searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host");
    expect(upload.headers).toEqual([{ name: "content-type", value: "application/pdf" }]);
    expect((await put(created, bytes)).status).toBe(200);

    const confirmed = await confirm(service, meta.id, a.owner);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.uploadedAt).toEqual(expect.any(String));
    const listed = await list(service, a.owner);
    expect(listed.body.data).toEqual([
      {
        ...attachment,
        id: meta.id,
        uploadedAt: confirmed.body.uploadedAt,
        createdAt: expect.any(String),
        downloadUrl: expect.stringContaining(s3.endpoint),
      },
    ]);
    expect(new URL(listed.body.data[0].downloadUrl).searchParams.get("X-Amz-Expires")).toBe("300");
    const download = await fetch(listed.body.data[0].downloadUrl);
    expect(await download.text()).toBe(bytes);

    const again = await confirm(service, meta.id, a.owner);
    expect(again.body.uploadedAt).toBe(confirmed.body.uploadedAt);
    const audit = await server.services.adminDb.auditLog.findMany({
      where: { entityId: uuidOf(meta.id) },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => row.action)).toEqual([
      "service_attachment.create",
      "service_attachment.upload",
      "service_attachment.upload",
    ]);
    expect(audit[2]?.changes).toEqual({ before: null, after: null });
  });

  it("neither lists nor serves a pending attachment; confirming before the upload is a conflict", async () => {
    const service = await createService(server, a);
    const created = await gqlData(
      server.url,
      CreateAttachment,
      { input: { ...attachment, serviceId: service } },
      a.owner,
    );
    if (created.createServiceAttachment.__typename !== "MutationCreateServiceAttachmentSuccess") {
      throw new Error(JSON.stringify(created));
    }
    const { id } = created.createServiceAttachment.data.attachment;
    expect(created.createServiceAttachment.data.attachment).toMatchObject({ uploadedAt: null, downloadUrl: null });
    expect((await list(service, a.owner)).body.data).toEqual([]);
    const early = await gqlData(server.url, ConfirmAttachment, { id }, a.owner);
    expect(early.confirmServiceAttachmentUpload).toMatchObject({
      __typename: "ConflictError",
      message: "The file has not been uploaded yet",
    });
    expect((await gqlData(server.url, AttachmentNode, { id }, a.owner)).node).toMatchObject({
      uploadedAt: null,
      downloadUrl: null,
    });
  });

  it("refuses a confirmation when the stored size or type is not the signed one, and deletes the object", async () => {
    const service = await createService(server, a);
    const created = await start(service, a.owner);
    const key = s3KeyOf(created);
    // The stand-in checks neither the signed length nor the signed type; the confirmation does.
    expect((await put(created, "short")).status).toBe(200);
    const short = await confirm(service, created.attachment.id, a.owner);
    expect(short.status).toBe(409);
    expect(short.body.error).toMatchObject({
      code: "UPLOAD_MISMATCH",
      message: "The uploaded file has 5 bytes; 11 were declared",
    });
    expect(await bucket().stat(key)).toBeNull();

    expect((await put(created, bytes, { "content-type": "image/png" })).status).toBe(200);
    const png = await gqlData(server.url, ConfirmAttachment, { id: created.attachment.id }, a.owner);
    expect(png.confirmServiceAttachmentUpload).toEqual({
      __typename: "UploadMismatchError",
      code: "UPLOAD_MISMATCH",
      message: "The uploaded file is image/png; application/pdf was declared",
      uploadedSizeBytes: 11,
      uploadedContentType: "image/png",
    });
    expect(await bucket().stat(key)).toBeNull();
    expect((await list(service, a.owner)).body.data).toEqual([]);
    const row = await server.services.adminDb.serviceAttachment.findUniqueOrThrow({
      where: { id: uuidOf(created.attachment.id) },
    });
    expect(row.uploadedAt).toBeNull();

    // The URL still takes the declared file.
    expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(service, created.attachment.id, a.owner)).status).toBe(200);
    expect((await list(service, a.owner)).body.data).toHaveLength(1);
  });

  it("refuses bad file metadata with field paths (422): types outside its list, empty files, above SERVICE_ATTACHMENT_MAX_BYTES", async () => {
    const service = await createService(server, a);
    const path = `/v1/services/${service}/attachments`;
    const badType = await v1(server.url, "POST", path, a.owner, { ...attachment, contentType: "text/html" });
    expect(badType.status).toBe(422);
    expect(badType.body.error.fields).toEqual([
      {
        path: ["input", "contentType"],
        message:
          "must be one of application/pdf, image/jpeg, image/png, image/webp, image/heic, video/mp4, video/webm, video/quicktime, audio/mpeg, audio/mp4, text/plain",
      },
    ]);
    const empty = await gqlData(
      server.url,
      CreateAttachment,
      { input: { ...attachment, serviceId: service, sizeBytes: 0 } },
      a.owner,
    );
    expect(empty.createServiceAttachment).toMatchObject({
      fields: [{ path: ["input", "sizeBytes"], message: "must be at least 1" }],
    });
    const large = await v1(server.url, "POST", path, a.owner, { ...attachment, sizeBytes: MAX_BYTES + 1 });
    expect(large.body.error.fields).toEqual([
      { path: ["input", "sizeBytes"], message: `must be at most ${MAX_BYTES} bytes` },
    ]);
    expect(await server.services.adminDb.serviceAttachment.count({ where: { serviceId: uuidOf(service) } })).toBe(0);

    // Its own limits, not appointment files': a video is a service attachment.
    const video = await v1(server.url, "POST", path, a.owner, {
      fileName: "Squat.mp4",
      contentType: "Video/MP4",
      sizeBytes: MAX_BYTES,
    });
    expect(video.status).toBe(201);
    expect(video.body.attachment.contentType).toBe("video/mp4");
  });

  it("deletes an attachment and its bytes on DELETE (204), and only staff may add or remove them", async () => {
    const org = await server.createOrganization("Deletes");
    const service = await createService(server, org);
    const created = await start(service, org.owner);
    expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(service, created.attachment.id, org.owner)).status).toBe(200);
    expect(await readFile(diskPathOf(created), "utf8")).toBe(bytes);

    const { id } = created.attachment;
    const specialist = await createMember(server, org, "specialist");
    const forbidden = await gql(server.url, DeleteAttachment, { id }, specialist.headers);
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const add = await gql(
      server.url,
      CreateAttachment,
      { input: { ...attachment, serviceId: service } },
      specialist.headers,
    );
    expect(add.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const deleted = await v1(server.url, "DELETE", `/v1/services/${service}/attachments/${id}`, org.owner);
    expect(deleted.status).toBe(204);
    expect(await server.services.adminDb.serviceAttachment.count({ where: { id: uuidOf(id) } })).toBe(0);
    await expect(readFile(diskPathOf(created))).rejects.toMatchObject({ code: "ENOENT" });
    expect(
      await server.services.adminDb.auditLog.count({
        where: { entityId: uuidOf(id), action: "service_attachment.delete" },
      }),
    ).toBe(1);
  });

  it("deletes the bytes from the bucket too", async () => {
    const service = await createService(server, a);
    const created = await start(service, a.owner);
    expect((await put(created, bytes)).status).toBe(200);
    expect(await bucket().stat(s3KeyOf(created))).toEqual({ sizeBytes: 11, contentType: "application/pdf" });
    const deleted = await gqlData(server.url, DeleteAttachment, { id: created.attachment.id }, a.owner);
    expect(deleted.deleteServiceAttachment).toMatchObject({ __typename: "MutationDeleteServiceAttachmentSuccess" });
    expect(await bucket().stat(s3KeyOf(created))).toBeNull();
  });
});

describe("another organization's service attachments", () => {
  let owner: TestOrganization;
  let service: string;
  let pending: Created;
  let confirmed: Created;

  beforeAll(async () => {
    owner = await server.createOrganization("Owns the files");
    service = await createService(server, owner);
    pending = await start(service, owner.owner);
    confirmed = await start(service, owner.owner);
    for (const created of [pending, confirmed]) expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(service, confirmed.attachment.id, owner.owner)).status).toBe(200);
  });

  describeCrossTenant("cannot be confirmed, deleted or downloaded: not found, nothing changed", {
    server,
    as: () => b.owner,
    ids: () => ({ service, pending: pending.attachment.id, confirmed: confirmed.attachment.id }),
    unchanged: async () => {
      const rows = await server.services.adminDb.serviceAttachment.findMany({
        where: { serviceId: uuidOf(service) },
        orderBy: { createdAt: "asc" },
      });
      expect(rows.map((row) => [row.id, row.uploadedAt !== null])).toEqual([
        [uuidOf(pending.attachment.id), false],
        [uuidOf(confirmed.attachment.id), true],
      ]);
      for (const created of [pending, confirmed]) expect(await readFile(diskPathOf(created), "utf8")).toBe(bytes);
    },
    operations: [
      operation(ConfirmAttachment, () => ({ id: pending.attachment.id }), notFound("ServiceAttachment")),
      operation(DeleteAttachment, () => ({ id: confirmed.attachment.id }), notFound("ServiceAttachment")),
      operation(DeleteAttachment, () => ({ id: pending.attachment.id }), notFound("ServiceAttachment"), "pending"),
      operation(AttachmentNode, () => ({ id: confirmed.attachment.id }), empty),
      operation(
        CreateAttachment,
        () => ({ input: { ...attachment, serviceId: service } }),
        notFound("Service"),
        "on their service",
      ),
    ],
    routes: [
      ["GET", "/v1/services/:service/attachments"],
      ["POST", "/v1/services/:service/attachments", attachment],
      ["POST", "/v1/services/:service/attachments/:pending/confirm"],
      ["DELETE", "/v1/services/:service/attachments/:confirmed"],
    ],
  });
});
