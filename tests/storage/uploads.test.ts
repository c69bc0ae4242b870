import { mkdir, readFile, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseConfig } from "../../src/config/config.js";
import type { Prisma } from "../../src/db/prisma.js";
import { ConflictError, NotFoundError, ValidationError } from "../../src/errors.js";
import type { Operation } from "../../src/operation/actor.js";
import { UploadMismatchError } from "../../src/storage/errors.js";
import { createLocalFiles } from "../../src/storage/local-files.js";
import { localObjectStore } from "../../src/storage/local-object-store.js";
import type { ObjectStore } from "../../src/storage/object-store.js";
import {
  checkDeclaredFile,
  confirmUpload,
  defineUploadKind,
  deleteFile,
  downloadUrlOf,
  type FileStorage,
  type StoredFile,
  startUpload,
} from "../../src/storage/uploads.js";
import { useTemporaryDirectory } from "../support/temporary-directory.js";

const config = parseConfig({ APPOINTMENT_FILE_MAX_BYTES: "100", SERVICE_ATTACHMENT_MAX_BYTES: "300" });
const leaflet = defineUploadKind({ name: "leaflet", contentTypes: ["application/pdf", "Image/PNG"], maxBytes: 10 });
const configured = defineUploadKind({
  name: "configured",
  contentTypes: ["text/plain"],
  maxBytes: (c) => c.serviceAttachments.maxBytes,
});

const dir = useTemporaryDirectory("cg-uploads-");
const storeOn = () =>
  localObjectStore(createLocalFiles({ dir: dir.path, signingKey: Buffer.alloc(32, 7) }), "http://files.test");

/** A transaction that only takes audit rows, and an operation on it: the steps' audited writes. */
function fakeOperation() {
  const auditRows: unknown[] = [];
  const tx = { auditLog: { createMany: async (args: unknown) => auditRows.push(args) } };
  const operation = {
    viewer: { kind: "anonymous" },
    scope: { organizationId: "org-1", userId: null, role: "admin" },
    requestId: null,
    client: { ip: null, userAgent: null },
    database: { transaction: (_scope: unknown, work: (tx: Prisma.TransactionClient) => unknown) => work(tx as never) },
  } as unknown as Operation;
  return { operation, auditRows };
}

const file = (overrides: Partial<StoredFile> = {}): StoredFile => ({
  id: "f-1",
  storageKey: "organizations/org-1/things/f-1/leaflet.pdf",
  fileName: "leaflet.pdf",
  contentType: "application/pdf",
  sizeBytes: 5,
  uploadedAt: null,
  ...overrides,
});

const rowsOf = (row: StoredFile | null) => ({
  entity: "Thing",
  auditPrefix: "thing",
  find: async () => row,
  markUploaded: async (_tx: unknown, before: StoredFile) => {
    const after = { ...before, uploadedAt: new Date() };
    const audit = { action: "thing.upload", entityType: "Thing", entityId: before.id, before: { ...before }, after };
    return { value: after, audit };
  },
  remove: async (_tx: unknown, before: StoredFile) => ({
    value: before,
    audit: { action: "thing.delete", entityType: "Thing", entityId: before.id, before: { ...before } },
  }),
});

const storage = (store: ObjectStore, log = { warn: vi.fn() }): FileStorage => ({ store, config, log });
const onDisk = (key: string) => path.join(dir.path, ...key.split("/"));
async function writeObject(key: string, body: string) {
  await mkdir(path.dirname(onDisk(key)), { recursive: true });
  await writeFile(onDisk(key), body);
}

describe("upload kinds", () => {
  it("check a declared file against the feature's own limits, its content type normalized", () => {
    expect(
      checkDeclaredFile(leaflet, config, { fileName: "a.png", contentType: " IMAGE/png ", sizeBytes: 10 }),
    ).toEqual({ fileName: "a.png", contentType: "image/png", sizeBytes: 10 });
    const refused = () =>
      checkDeclaredFile(leaflet, config, { fileName: "a", contentType: "text/html", sizeBytes: 11 });
    expect(refused).toThrow(ValidationError);
    try {
      refused();
    } catch (error) {
      expect((error as ValidationError).fields).toEqual([
        { path: ["input", "contentType"], message: "must be one of application/pdf, image/png" },
        { path: ["input", "sizeBytes"], message: "must be at most 10 bytes" },
      ]);
    }
  });

  it("read their largest size from the configuration when they declare it so", () => {
    expect(configured.maxBytes(config)).toBe(300);
    expect(() =>
      checkDeclaredFile(configured, config, { fileName: "a", contentType: "text/plain", sizeBytes: 301 }),
    ).toThrow("input.sizeBytes: must be at most 300 bytes");
    expect(() =>
      checkDeclaredFile(configured, config, { fileName: "a", contentType: "text/plain", sizeBytes: 0 }, ["file"]),
    ).toThrow("file.sizeBytes: must be at least 1");
  });
});

describe("the upload steps on the local disk", () => {
  it("start: records the checked file and answers one signed PUT with its headers", async () => {
    const record = vi.fn(async (declared) => file({ ...declared }));
    const started = await startUpload(
      storage(storeOn()),
      leaflet,
      { fileName: "leaflet.pdf", contentType: "Application/PDF", sizeBytes: 5 },
      record,
    );
    expect(record).toHaveBeenCalledWith({ fileName: "leaflet.pdf", contentType: "application/pdf", sizeBytes: 5 });
    expect(started.upload).toEqual({
      url: expect.stringMatching(/^http:\/\/files\.test\/files\/organizations\/org-1\/things\/f-1\/leaflet\.pdf\?/),
      method: "PUT",
      headers: [{ name: "content-type", value: "application/pdf" }],
      expiresAt: expect.any(Date),
    });
    const refused = startUpload(
      storage(storeOn()),
      leaflet,
      { fileName: "x", contentType: "text/html", sizeBytes: 1 },
      record,
    );
    await expect(refused).rejects.toBeInstanceOf(ValidationError);
    expect(record).toHaveBeenCalledTimes(1);
  });

  it("confirm: a conflict before the upload, a mismatch (object deleted) for another size, uploaded otherwise", async () => {
    const { operation, auditRows } = fakeOperation();
    const row = file({ storageKey: "organizations/org-1/things/f-2/leaflet.pdf" });
    const files = storage(storeOn());
    await expect(confirmUpload(operation, files, rowsOf(row), row.id)).rejects.toBeInstanceOf(ConflictError);

    await writeObject(row.storageKey, "too long!");
    const mismatch = confirmUpload(operation, files, rowsOf(row), row.id);
    await expect(mismatch).rejects.toBeInstanceOf(UploadMismatchError);
    await expect(mismatch).rejects.toThrow("The uploaded file has 9 bytes; 5 were declared");
    await expect(stat(onDisk(row.storageKey))).rejects.toMatchObject({ code: "ENOENT" });
    expect(auditRows).toEqual([]);

    await writeObject(row.storageKey, "right");
    const confirmed = await confirmUpload(operation, files, rowsOf(row), row.id);
    expect(confirmed.uploadedAt).toEqual(expect.any(Date));
    expect(auditRows).toHaveLength(1);
    expect(await downloadUrlOf(files.store, confirmed)).toMatch(/^http:\/\/files\.test\/files\/organizations\//);
    expect(await downloadUrlOf(files.store, row)).toBeNull();

    await expect(confirmUpload(operation, files, rowsOf(null), row.id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it("confirm: another content type than declared, where the store records it, is a mismatch too", async () => {
    const { operation } = fakeOperation();
    const row = file();
    const deleted: string[] = [];
    const store = {
      ...storeOn(),
      stat: async () => ({ sizeBytes: 5, contentType: "text/html; charset=utf-8" }),
      delete: async (key: string) => void deleted.push(key),
    };
    const mismatch = confirmUpload(operation, storage(store), rowsOf(row), row.id);
    await expect(mismatch).rejects.toThrow(
      "The uploaded file is text/html; charset=utf-8; application/pdf was declared",
    );
    expect(deleted).toEqual([row.storageKey]);
    const sameType = { ...store, stat: async () => ({ sizeBytes: 5, contentType: "Application/PDF" }) };
    expect((await confirmUpload(operation, storage(sameType), rowsOf(row), row.id)).uploadedAt).not.toBeNull();
  });

  it("delete: removes the row, then the bytes; bytes storage fails to delete are logged, the row stays deleted", async () => {
    const { operation, auditRows } = fakeOperation();
    const row = file({ storageKey: "organizations/org-1/things/f-3/leaflet.pdf", uploadedAt: new Date() });
    await writeObject(row.storageKey, "right");
    expect(await deleteFile(operation, storage(storeOn()), rowsOf(row), row.id)).toBe(row);
    await expect(readFile(onDisk(row.storageKey))).rejects.toMatchObject({ code: "ENOENT" });
    expect(auditRows).toHaveLength(1);

    const log = { warn: vi.fn() };
    const failing = {
      ...storeOn(),
      delete: async () => {
        throw new Error("storage is down");
      },
    };
    expect(await deleteFile(operation, storage(failing, log), rowsOf(row), row.id)).toBe(row);
    expect(log.warn).toHaveBeenCalledOnce();
    await expect(deleteFile(operation, storage(storeOn()), rowsOf(null), row.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
