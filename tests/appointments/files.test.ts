import { readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { createS3ObjectStore } from "../../src/storage/s3-object-store.js";
import { graphql } from "../generated/gql.js";
import { createMember, createPatientUser } from "../services/fixtures.js";
import type { Headers, TestOrganization } from "../support/auth.js";
import { describeCrossTenant, empty, notFound, operation } from "../support/cross-tenant.js";
import { useTestDatabase } from "../support/database.js";
import { gqlData, uuidOf } from "../support/graphql.js";
import { connectS3, s3Env, useTestS3 } from "../support/s3.js";
import { type TestServer, useTestServer } from "../support/server.js";
import { useTemporaryDirectory } from "../support/temporary-directory.js";
import { v1 } from "../support/v1.js";
import { createAppointment } from "./fixtures.js";

const CreateFile = graphql(`
  mutation AppointmentFilesCreate($input: CreateAppointmentFileInput!) {
    createAppointmentFile(input: $input) {
      __typename
      ... on MutationCreateAppointmentFileSuccess { data { upload { url method headers { name value } } file { id } } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

const ConfirmFile = graphql(`
  mutation AppointmentFilesConfirm($id: ID!) {
    confirmAppointmentFileUpload(id: $id) {
      __typename
      ... on MutationConfirmAppointmentFileUploadSuccess { data { id uploadedAt } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on UploadMismatchError { uploadedSizeBytes uploadedContentType }
    }
  }
`);

const DeleteFile = graphql(`
  mutation AppointmentFilesDelete($id: ID!) {
    deleteAppointmentFile(id: $id) {
      __typename
      ... on MutationDeleteAppointmentFileSuccess { data { id } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

const FileNode = graphql(`
  query AppointmentFilesNode($id: ID!) { node(id: $id) { id ... on AppointmentFile { fileName downloadUrl } } }
`);

const MAX_BYTES = 1000;
const pdf = { fileName: "Referral letter.pdf", contentType: "application/pdf", sizeBytes: 11 };
const bytes = "referral!!!";

const db = useTestDatabase();
const s3 = useTestS3();
const files = useTemporaryDirectory("cg-files-");
/** No S3 anywhere: files on the local disk, served by this server. */
const server = useTestServer({
  database: db,
  env: () => ({ FILES_DIR: files.path, APPOINTMENT_FILE_MAX_BYTES: String(MAX_BYTES) }),
});
/** The deployment-wide bucket (S3_BUCKET...) on the local S3 stand-in. */
const s3Server = useTestServer({ database: db, env: () => s3Env(s3) });
let a: TestOrganization;
let b: TestOrganization;

beforeAll(async () => {
  [a, b] = await Promise.all([server.createOrganization("A"), server.createOrganization("B")]);
});

interface Created {
  upload: { url: string; method: string; headers: { name: string; value: string }[]; expiresAt: string };
  uploadUrl: string;
  uploadHeaders: { name: string; value: string }[];
  expiresAt: string;
  file: { id: string };
}

/** Registers a file through /v1 and answers the created body. */
async function register(on: TestServer, appointmentId: string, headers: Headers, file = pdf): Promise<Created> {
  const created = await v1(on.url, "POST", `/v1/appointments/${appointmentId}/files`, headers, file);
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  return created.body;
}

/** PUTs `body` as the upload says (its URL, method and headers), with `extra` headers over them. */
const put = ({ upload }: Created, body: string, extra: Record<string, string> = {}) =>
  fetch(upload.url, {
    method: upload.method,
    body,
    headers: { ...Object.fromEntries(upload.headers.map((h) => [h.name, h.value])), ...extra },
  });

const confirm = (on: TestServer, appointmentId: string, fileId: string, headers: Headers) =>
  v1(on.url, "POST", `/v1/appointments/${appointmentId}/files/${fileId}/confirm`, headers);

const list = (on: TestServer, appointmentId: string, headers: Headers) =>
  v1(on.url, "GET", `/v1/appointments/${appointmentId}/files`, headers);

/** The stand-in's bucket as the server sees it, to check what is stored under a key. */
const bucket = () =>
  createS3ObjectStore({
    bucket: s3.bucket,
    region: s3.region,
    endpoint: s3.endpoint,
    credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
  });

describe("appointment files on the local-disk default", () => {
  it("uploads through the signed URL, confirms, lists with a download URL, and downloads the bytes", async () => {
    const appointment = await createAppointment(server, a);
    const created = await register(server, appointment.id, a.owner);
    const key = `organizations/${uuidOf(a.id)}/appointments/${uuidOf(appointment.id)}/files/${uuidOf(created.file.id)}/Referral_letter.pdf`;
    expect(created.uploadUrl.startsWith(`${server.url}/files/${key}?`)).toBe(true);
    expect(created.upload).toEqual({
      url: created.uploadUrl,
      method: "PUT",
      headers: [{ name: "content-type", value: "application/pdf" }],
      expiresAt: created.expiresAt,
    });
    expect(created.uploadHeaders).toEqual([{ name: "content-type", value: "application/pdf" }]);
    expect(created.file).toMatchObject({ uploadedAt: null, downloadUrl: null });

    // Pending: not listed, and not confirmable before the bytes are there.
    const pending = await list(server, appointment.id, a.owner);
    expect(pending.body.data).toEqual([]);
    expect((await confirm(server, appointment.id, created.file.id, a.owner)).status).toBe(409);

    expect((await put(created, bytes)).status).toBe(200);
    expect(await readFile(path.join(files.path, key), "utf8")).toBe(bytes);
    const confirmed = await confirm(server, appointment.id, created.file.id, a.owner);
    expect(confirmed.status).toBe(200);
    expect(confirmed.body.uploadedAt).toEqual(expect.any(String));

    const listed = await list(server, appointment.id, a.owner);
    expect(listed.body.data).toEqual([
      {
        ...pdf,
        id: created.file.id,
        uploadedAt: confirmed.body.uploadedAt,
        createdAt: expect.any(String),
        downloadUrl: expect.stringMatching(new RegExp(`^${server.url}/files/${key}\\?`)),
      },
    ]);
    const download = await fetch(listed.body.data[0].downloadUrl);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(download.headers.get("content-disposition")).toBe(
      `attachment; filename="Referral letter.pdf"; filename*=UTF-8''Referral%20letter.pdf`,
    );
    expect(await download.text()).toBe(bytes);

    const audit = await server.services.adminDb.auditLog.findMany({
      where: { entityId: uuidOf(created.file.id) },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => row.action)).toEqual(["appointment_file.create", "appointment_file.upload"]);
  });

  it("refuses an upload of another type or size than signed, and writes nothing", async () => {
    const appointment = await createAppointment(server, a);
    const created = await register(server, appointment.id, a.owner);
    const wrongType = await put(created, bytes, { "content-type": "image/png" });
    expect(wrongType.status).toBe(400);
    expect(await wrongType.json()).toMatchObject({ error: { code: "CONTENT_TYPE_MISMATCH" } });
    const tooShort = await put(created, "short");
    expect(tooShort.status).toBe(400);
    expect(await tooShort.json()).toMatchObject({ error: { code: "SIZE_MISMATCH" } });
    const tooLong = await put(created, `${bytes}and more`);
    expect(tooLong.status).toBe(400);
    expect((await confirm(server, appointment.id, created.file.id, a.owner)).body.error.code).toBe("CONFLICT");
  });

  it("refuses a tampered or expired URL (403), and keys that climb out of the folder (404)", async () => {
    const appointment = await createAppointment(server, a);
    const created = await register(server, appointment.id, a.owner);
    const bigger = new URL(created.uploadUrl);
    bigger.searchParams.set("size", "12");
    const tampered = await fetch(bigger, {
      method: "PUT",
      body: `${bytes}!`,
      headers: { "content-type": "application/pdf" },
    });
    expect(tampered.status).toBe(403);
    expect(await tampered.json()).toMatchObject({ error: { code: "SIGNATURE_INVALID" } });

    // A URL the server itself signed, an hour ago, valid for one second.
    const storage = server.services.storage;
    if (storage.kind !== "local") throw new Error("expected the local-disk default");
    const key = new URL(created.uploadUrl).pathname.slice("/files/".length);
    const expires = Math.floor(Date.now() / 1000) - 3600;
    const signature = storage.files.sign({
      method: "PUT",
      key,
      expires,
      contentType: "application/pdf",
      sizeBytes: 11,
    });
    const expired = await fetch(
      `${server.url}/files/${key}?${new URLSearchParams({ expires: String(expires), type: "application/pdf", size: "11", signature })}`,
      { method: "PUT", body: bytes, headers: { "content-type": "application/pdf" } },
    );
    expect(expired.status).toBe(403);
    expect(await expired.json()).toMatchObject({ error: { code: "URL_EXPIRED" } });

    expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(server, appointment.id, created.file.id, a.owner)).status).toBe(200);
    const { downloadUrl } = (await list(server, appointment.id, a.owner)).body.data[0];
    const renamed = new URL(downloadUrl);
    renamed.searchParams.set("name", "other.pdf");
    expect((await fetch(renamed)).status).toBe(403);
    const otherKey = new URL(downloadUrl);
    otherKey.pathname = otherKey.pathname.replace(/[^/]+$/, "x.pdf");
    expect((await fetch(otherKey)).status).toBe(403);

    // Even a URL the server signed cannot name a file outside its folder (slashes encoded, so
    // the URL parser does not resolve the dots first).
    const outside = "organizations/../../../../../../../etc/hostname";
    const grant = {
      method: "GET" as const,
      key: outside,
      expires: expires + 7200,
      contentType: "text/plain",
      fileName: "h",
    };
    const climbing = await fetch(
      `${server.url}/files/${encodeURIComponent(outside)}?${new URLSearchParams({ expires: String(grant.expires), type: grant.contentType, name: grant.fileName, signature: storage.files.sign(grant) })}`,
    );
    expect(climbing.status).toBe(404);
    expect(await climbing.json()).toMatchObject({ error: { code: "NOT_FOUND" } });
  });

  it("refuses a type outside the allowlist (its own: no video), an empty file and one above APPOINTMENT_FILE_MAX_BYTES (422)", async () => {
    const appointment = await createAppointment(server, a);
    const path = `/v1/appointments/${appointment.id}/files`;
    const html = await v1(server.url, "POST", path, a.owner, { ...pdf, contentType: "text/html" });
    expect(html.status).toBe(422);
    expect(html.body.error.fields).toEqual([
      {
        path: ["input", "contentType"],
        message: "must be one of application/pdf, image/jpeg, image/png, image/webp, image/heic, text/plain",
      },
    ]);
    const video = await v1(server.url, "POST", path, a.owner, { ...pdf, contentType: "video/mp4" });
    expect(video.status).toBe(422);
    expect(video.body.error.fields).toMatchObject([{ path: ["input", "contentType"] }]);
    const empty = await v1(server.url, "POST", path, a.owner, { ...pdf, sizeBytes: 0 });
    expect(empty.body.error.fields).toEqual([{ path: ["input", "sizeBytes"], message: "must be at least 1" }]);
    const large = await v1(server.url, "POST", path, a.owner, { ...pdf, sizeBytes: MAX_BYTES + 1 });
    expect(large.status).toBe(422);
    expect(large.body.error.fields).toEqual([
      { path: ["input", "sizeBytes"], message: `must be at most ${MAX_BYTES} bytes` },
    ]);
    const atMax = await v1(server.url, "POST", path, a.owner, {
      ...pdf,
      contentType: "IMAGE/PNG",
      sizeBytes: MAX_BYTES,
    });
    expect(atMax.status).toBe(201);
    expect(atMax.body.file.contentType).toBe("image/png");
    expect(
      await server.services.adminDb.appointmentFile.count({ where: { appointmentId: uuidOf(appointment.id) } }),
    ).toBe(1);
  });

  it("deletes the row and the bytes (204), with an audit row", async () => {
    const appointment = await createAppointment(server, a);
    const created = await register(server, appointment.id, a.owner);
    await put(created, bytes);
    const key = new URL(created.uploadUrl).pathname.slice("/files/".length);
    const deleted = await v1(
      server.url,
      "DELETE",
      `/v1/appointments/${appointment.id}/files/${created.file.id}`,
      a.owner,
    );
    expect(deleted.status).toBe(204);
    expect(await server.services.adminDb.appointmentFile.count({ where: { id: uuidOf(created.file.id) } })).toBe(0);
    await expect(readFile(path.join(files.path, key))).rejects.toMatchObject({ code: "ENOENT" });
    expect(
      await server.services.adminDb.auditLog.count({
        where: { entityId: uuidOf(created.file.id), action: "appointment_file.delete" },
      }),
    ).toBe(1);
  });
});

describe("appointment files on S3", () => {
  it("uses the organization's bucket when it has an s3 integration: upload, confirm, download", async () => {
    const org = await server.createOrganization("Own bucket");
    await connectS3(server.url, s3, org);
    const appointment = await createAppointment(server, org);
    const created = await register(server, appointment.id, org.owner);
    expect(created.uploadUrl).toMatch(
      new RegExp(
        `^${s3.endpoint}/${s3.bucket}/organizations/${uuidOf(org.id)}/appointments/${uuidOf(appointment.id)}/files/`,
      ),
    );
    expect(new URL(created.uploadUrl).searchParams.get("X-Amz-SignedHeaders")).toBe("content-length;content-type;host");
    expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(server, appointment.id, created.file.id, org.owner)).status).toBe(200);
    const { downloadUrl } = (await list(server, appointment.id, org.owner)).body.data[0];
    expect(new URL(downloadUrl).searchParams.get("X-Amz-Expires")).toBe("300");
    const download = await fetch(downloadUrl);
    expect(download.headers.get("content-disposition")).toMatch(/^attachment; filename="Referral letter.pdf"/);
    expect(await download.text()).toBe(bytes);
  });

  it("uses the deployment's bucket (S3_BUCKET...) for an organization without one, and checks the stored size", async () => {
    const org = await s3Server.createOrganization("Deployment bucket");
    const appointment = await createAppointment(s3Server, org);
    const created = await register(s3Server, appointment.id, org.owner);
    expect(created.uploadUrl.startsWith(`${s3.endpoint}/${s3.bucket}/organizations/${uuidOf(org.id)}/`)).toBe(true);
    // The stand-in does not enforce the signed length; the confirmation does.
    expect((await put(created, "short")).status).toBe(200);
    const mismatch = await confirm(s3Server, appointment.id, created.file.id, org.owner);
    expect(mismatch.status).toBe(409);
    expect(mismatch.body.error.code).toBe("UPLOAD_MISMATCH");
    expect(mismatch.body.error.message).toBe("The uploaded file has 5 bytes; 11 were declared");
    const key = new URL(created.upload.url).pathname.slice(`/${s3.bucket}/`.length);
    expect(await bucket().stat(key)).toBeNull();
    // Of the declared size but another type than signed (the stand-in does not check the signature).
    expect((await put(created, bytes, { "content-type": "image/png" })).status).toBe(200);
    const png = await gqlData(s3Server.url, ConfirmFile, { id: created.file.id }, org.owner);
    expect(png.confirmAppointmentFileUpload).toEqual({
      __typename: "UploadMismatchError",
      code: "UPLOAD_MISMATCH",
      message: "The uploaded file is image/png; application/pdf was declared",
      uploadedSizeBytes: 11,
      uploadedContentType: "image/png",
    });
    expect(await bucket().stat(key)).toBeNull();
    expect((await list(s3Server, appointment.id, org.owner)).body.data).toEqual([]);
    expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(s3Server, appointment.id, created.file.id, org.owner)).status).toBe(200);
    const { downloadUrl } = (await list(s3Server, appointment.id, org.owner)).body.data[0];
    expect(await (await fetch(downloadUrl)).text()).toBe(bytes);

    const deleted = await v1(
      s3Server.url,
      "DELETE",
      `/v1/appointments/${appointment.id}/files/${created.file.id}`,
      org.owner,
    );
    expect(deleted.status).toBe(204);
    expect((await fetch(downloadUrl)).status).toBe(404);
  });
});

describe("who reaches which files", () => {
  it("lets a patient attach to and list their own appointment's files, and nobody else's", async () => {
    const patient = await createPatientUser(server, a);
    const other = await createPatientUser(server, a);
    const mine = await createAppointment(server, a, { patientId: patient.patientId });
    const theirs = await createAppointment(server, a, { patientId: other.patientId });
    const staffFile = await register(server, mine.id, a.owner);
    const ownFile = await register(server, mine.id, patient.headers);
    const theirFile = await register(server, theirs.id, other.headers);
    for (const [file, appointment, headers] of [
      [staffFile, mine, a.owner],
      [ownFile, mine, patient.headers],
      [theirFile, theirs, other.headers],
    ] as const) {
      expect((await put(file, bytes)).status).toBe(200);
      expect((await confirm(server, appointment.id, file.file.id, headers)).status).toBe(200);
    }

    const listed = await list(server, mine.id, patient.headers);
    expect(listed.body.data.map((f: { id: string }) => f.id)).toEqual([staffFile.file.id, ownFile.file.id]);
    expect((await list(server, theirs.id, patient.headers)).status).toBe(404);
    const add = await gqlData(server.url, CreateFile, { input: { ...pdf, appointmentId: theirs.id } }, patient.headers);
    expect(add.createAppointmentFile).toMatchObject({ __typename: "NotFoundError" });
    const remove = await gqlData(server.url, DeleteFile, { id: theirFile.file.id }, patient.headers);
    expect(remove.deleteAppointmentFile).toMatchObject({ __typename: "NotFoundError" });
    expect((await gqlData(server.url, FileNode, { id: theirFile.file.id }, patient.headers)).node).toBeNull();

    const specialist = await createMember(server, a, "specialist");
    expect((await list(server, theirs.id, specialist.headers)).body.data).toHaveLength(1);
  });

  it("keeps another organization's appointment files out of reach: not found, nothing changed", async () => {
    const appointment = await createAppointment(server, a);
    const created = await register(server, appointment.id, a.owner);
    await put(created, bytes);
    const outsider = await createMember(server, b, "admin");
    for (const headers of [b.owner, outsider.headers]) {
      expect((await list(server, appointment.id, headers)).status).toBe(404);
      const add = await gqlData(server.url, CreateFile, { input: { ...pdf, appointmentId: appointment.id } }, headers);
      expect(add.createAppointmentFile).toMatchObject({ __typename: "NotFoundError" });
      const confirmed = await gqlData(server.url, ConfirmFile, { id: created.file.id }, headers);
      expect(confirmed.confirmAppointmentFileUpload).toMatchObject({ __typename: "NotFoundError" });
      const removed = await gqlData(server.url, DeleteFile, { id: created.file.id }, headers);
      expect(removed.deleteAppointmentFile).toMatchObject({ __typename: "NotFoundError" });
      expect((await gqlData(server.url, FileNode, { id: created.file.id }, headers)).node).toBeNull();
    }
    const row = await server.services.adminDb.appointmentFile.findUniqueOrThrow({
      where: { id: uuidOf(created.file.id) },
    });
    expect(row.uploadedAt).toBeNull();
  });
});

describe("another organization's appointment files", () => {
  let appointmentId: string;
  let pending: Created;
  let confirmed: Created;
  const diskPathOf = (created: Created) =>
    path.join(files.path, new URL(created.upload.url).pathname.slice("/files/".length));

  beforeAll(async () => {
    const appointment = await createAppointment(server, a);
    appointmentId = appointment.id;
    pending = await register(server, appointmentId, a.owner);
    confirmed = await register(server, appointmentId, a.owner);
    for (const created of [pending, confirmed]) expect((await put(created, bytes)).status).toBe(200);
    expect((await confirm(server, appointmentId, confirmed.file.id, a.owner)).status).toBe(200);
  });

  describeCrossTenant("cannot be confirmed, deleted or downloaded: not found, nothing changed", {
    server,
    as: () => b.owner,
    ids: () => ({ appointment: appointmentId, pending: pending.file.id, confirmed: confirmed.file.id }),
    unchanged: async () => {
      const rows = await server.services.adminDb.appointmentFile.findMany({
        where: { appointmentId: uuidOf(appointmentId) },
        orderBy: { createdAt: "asc" },
      });
      expect(rows.map((row) => [row.id, row.uploadedAt !== null])).toEqual([
        [uuidOf(pending.file.id), false],
        [uuidOf(confirmed.file.id), true],
      ]);
      for (const created of [pending, confirmed]) expect(await readFile(diskPathOf(created), "utf8")).toBe(bytes);
    },
    operations: [
      operation(ConfirmFile, () => ({ id: pending.file.id }), notFound("AppointmentFile")),
      operation(DeleteFile, () => ({ id: confirmed.file.id }), notFound("AppointmentFile")),
      operation(DeleteFile, () => ({ id: pending.file.id }), notFound("AppointmentFile"), "pending"),
      operation(FileNode, () => ({ id: confirmed.file.id }), empty),
      operation(
        CreateFile,
        () => ({ input: { ...pdf, appointmentId } }),
        notFound("Appointment"),
        "on their appointment",
      ),
    ],
    routes: [
      ["GET", "/v1/appointments/:appointment/files"],
      ["POST", "/v1/appointments/:appointment/files", pdf],
      ["POST", "/v1/appointments/:appointment/files/:pending/confirm"],
      ["DELETE", "/v1/appointments/:appointment/files/:confirmed"],
    ],
  });
});
