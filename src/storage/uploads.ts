import { z } from "zod";
import { afterCommit } from "../after-commit.js";
import type { Config } from "../config/config.js";
import type { Prisma } from "../db/prisma.js";
import { ConflictError, type FieldIssue, NotFoundError, ValidationError } from "../errors.js";
import type { Logger } from "../logger.js";
import type { Operation } from "../operation/actor.js";
import { type Audited, audited } from "../operation/audited.js";
import { UploadMismatchError } from "./errors.js";
import type { ObjectStore } from "./object-store.js";

/**
 * The one upload flow of every feature that keeps files (service attachments, appointment
 * files; documents, exercise media, PDF assets, form answers and imports next):
 *
 * 1. **start**: the feature records a pending row (`uploadedAt` null) for a declared file,
 *    checked against its {@link UploadKind}, and answers a {@link FileUploadGrant}: one PUT of
 *    exactly that size and type, with the headers the signature covers;
 * 2. the client PUTs the bytes to storage itself;
 * 3. **confirm**: a HEAD of the object; its size and type must be the signed ones, else the
 *    object is deleted and {@link UploadMismatchError} answered; then `uploadedAt` is set;
 * 4. only then is the file listed and downloadable ({@link downloadUrlOf}, short-lived);
 * 5. **delete**: the row in a transaction, the bytes after it commits.
 *
 * Plain functions on a transaction or an {@link Operation}: no GraphQL (its types are in
 * `src/graphql/file-upload.ts`).
 */

/** What a feature accepts: its largest file and the content types it allows. */
export interface UploadKind {
  /** e.g. `service_attachment`; names the kind in messages and logs. */
  readonly name: string;
  readonly contentTypes: readonly string[];
  maxBytes(config: Config): number;
}

/**
 * Declares what a feature accepts. `maxBytes` may read the configuration (the feature's
 * `config.ts` section), e.g. `(config) => config.appointmentFiles.maxBytes`.
 */
export function defineUploadKind(kind: {
  name: string;
  contentTypes: readonly string[];
  maxBytes: number | ((config: Config) => number);
}): UploadKind {
  const { maxBytes } = kind;
  return {
    name: kind.name,
    contentTypes: kind.contentTypes.map(normalizeContentType),
    maxBytes: typeof maxBytes === "number" ? () => maxBytes : maxBytes,
  };
}

/** What a client declares before uploading. */
export interface DeclaredFile {
  fileName: string;
  contentType: string;
  sizeBytes: number;
}

/** A feature's row of a file: what was declared, where it lives, and whether it was confirmed. */
export interface StoredFile extends DeclaredFile {
  id: string;
  storageKey: string;
  /** When the upload was confirmed; null while it is pending. */
  uploadedAt: Date | null;
}

/** Where a request's files go and what the limits read: built per request (`fileStorageFor`). */
export interface FileStorage {
  store: ObjectStore;
  config: Config;
  log: Pick<Logger, "warn">;
}

/** One PUT to make: to `url`, with `method` and exactly these `headers`, before `expiresAt`. */
export interface FileUploadGrant {
  url: string;
  method: "PUT";
  headers: { name: string; value: string }[];
  expiresAt: Date;
}

/** A started upload: the pending row and the PUT that fills it. */
export interface StartedUpload<F> {
  file: F;
  upload: FileUploadGrant;
}

/** A file name as clients may declare it (trimmed, 1 to 255 characters). */
export const fileNameSchema = z.string().trim().min(1, { message: "must not be empty" }).max(255);

const normalizeContentType = (contentType: string) => contentType.trim().toLowerCase();

/**
 * Checks a declared file against the kind: a non-empty size up to its `maxBytes`, one of its
 * content types. Answers the file with its type normalized; every issue is a
 * {@link ValidationError} field under `path` (e.g. `["input", "sizeBytes"]`).
 */
export function checkDeclaredFile(
  kind: UploadKind,
  config: Config,
  file: DeclaredFile,
  path: string[] = ["input"],
): DeclaredFile {
  const issues: FieldIssue[] = [];
  const contentType = normalizeContentType(file.contentType);
  if (!kind.contentTypes.includes(contentType)) {
    issues.push({ path: [...path, "contentType"], message: `must be one of ${kind.contentTypes.join(", ")}` });
  }
  const maxBytes = kind.maxBytes(config);
  if (!Number.isInteger(file.sizeBytes) || file.sizeBytes < 1) {
    issues.push({ path: [...path, "sizeBytes"], message: "must be at least 1" });
  } else if (file.sizeBytes > maxBytes) {
    issues.push({ path: [...path, "sizeBytes"], message: `must be at most ${maxBytes} bytes` });
  }
  if (issues.length) throw new ValidationError(issues);
  return { fileName: file.fileName, contentType, sizeBytes: file.sizeBytes };
}

/**
 * Step 1: checks the declared file, lets the feature record its pending row (`record`, in the
 * caller's transaction) and answers the row with the PUT that uploads it.
 */
export async function startUpload<F extends StoredFile>(
  files: FileStorage,
  kind: UploadKind,
  declared: DeclaredFile,
  record: (file: DeclaredFile) => Promise<F>,
): Promise<StartedUpload<F>> {
  const file = await record(checkDeclaredFile(kind, files.config, declared));
  const upload = await files.store.uploadUrl(file.storageKey, file);
  return {
    file,
    upload: {
      url: upload.url,
      method: "PUT",
      headers: Object.entries(upload.headers).map(([name, value]) => ({ name, value })),
      expiresAt: upload.expiresAt,
    },
  };
}

/** How a feature reads and changes its rows, for the steps that span more than one transaction. */
export interface FileRows<F extends StoredFile> {
  /** The GraphQL type's name, for NotFoundError and the audit rows (e.g. `ServiceAttachment`). */
  entity: string;
  /** The prefix of its audit actions, e.g. `service_attachment` (`.create`, `.upload`, `.delete`). */
  auditPrefix: string;
  /** The row, as row-level security lets the caller see it; null when hidden or missing. */
  find(tx: Prisma.TransactionClient, id: string): Promise<F | null>;
}

/**
 * Step 3: confirms that the object is in storage with the signed size and type, then lets the
 * feature mark its row uploaded (`markUploaded`, audited). Confirming twice answers the row again
 * (with an audit row of no change: every successful mutation has one).
 * Nothing uploaded yet: ConflictError (the row stays pending). Another size or type:
 * {@link UploadMismatchError}, and the object is deleted (the row stays pending: the upload URL
 * takes the right file while it lasts). Storage is asked outside any transaction, so no
 * database connection waits on it.
 */
export async function confirmUpload<F extends StoredFile>(
  operation: Operation,
  files: FileStorage,
  rows: FileRows<F> & { markUploaded(tx: Prisma.TransactionClient, file: F): Promise<Audited<F>> },
  id: string,
): Promise<F> {
  const file = await operation.database.transaction(operation.scope, (tx) => rows.find(tx, id));
  if (!file) throw new NotFoundError(rows.entity);
  if (!file.uploadedAt) {
    const object = await files.store.stat(file.storageKey);
    if (!object) throw new ConflictError("The file has not been uploaded yet");
    const mismatch = mismatchOf(file, object);
    if (mismatch) {
      await files.store.delete(file.storageKey);
      throw new UploadMismatchError(mismatch, object);
    }
  }
  return audited(operation, async (tx) => {
    const current = await rows.find(tx, id);
    if (!current) throw new NotFoundError(rows.entity);
    if (!current.uploadedAt) return rows.markUploaded(tx, current);
    // Confirmed before (or by a concurrent call): answered again, recorded as a confirmation without a change.
    const audit = { action: `${rows.auditPrefix}.upload`, entityType: rows.entity, entityId: current.id };
    return { value: current, audit };
  });
}

function mismatchOf(file: StoredFile, object: { sizeBytes: number; contentType: string | null }): string | null {
  if (object.sizeBytes !== file.sizeBytes) {
    return `The uploaded file has ${object.sizeBytes} bytes; ${file.sizeBytes} were declared`;
  }
  if (object.contentType !== null) {
    const stored = normalizeContentType(object.contentType.split(";")[0] ?? "");
    if (stored !== normalizeContentType(file.contentType)) {
      return `The uploaded file is ${object.contentType || "of no type"}; ${file.contentType} was declared`;
    }
  }
  return null;
}

/** Step 4: a short-lived download URL (`DOWNLOAD_URL_SECONDS`) of a confirmed file; null while it is pending. */
export async function downloadUrlOf(
  store: ObjectStore,
  file: Pick<StoredFile, "storageKey" | "fileName" | "contentType" | "uploadedAt">,
): Promise<string | null> {
  return file.uploadedAt ? store.downloadUrl(file.storageKey, file) : null;
}

/**
 * Step 5: lets the feature delete its row (`remove`, audited), then deletes the bytes once that
 * committed. Bytes storage fails to delete are logged and left behind (a stray object, never a
 * row without bytes); a pending row's URL may still be used until it expires, to an object no
 * row names.
 */
export async function deleteFile<F extends StoredFile>(
  operation: Operation,
  files: FileStorage,
  rows: FileRows<F> & { remove(tx: Prisma.TransactionClient, file: F): Promise<Audited<F>> },
  id: string,
): Promise<F> {
  const removed = await audited(operation, async (tx) => {
    const file = await rows.find(tx, id);
    if (!file) throw new NotFoundError(rows.entity);
    return rows.remove(tx, file);
  });
  await afterCommit(files.log, `delete the bytes of ${rows.entity} ${removed.id}`, () =>
    files.store.delete(removed.storageKey),
  );
  return removed;
}
