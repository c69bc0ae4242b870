/**
 * Where file bytes live: an S3 bucket, or the server's own disk. Clients move the bytes
 * themselves through short-lived URLs, so they never pass through GraphQL.
 *
 * Terms: a *key* is an object's path in the store (`organizations/<orgId>/...`, see
 * `object-keys.ts`); an *upload URL* takes exactly one PUT of the declared size and type.
 */
export interface ObjectStore {
  /** A URL that accepts one PUT of exactly `sizeBytes` bytes with `contentType`, until `expiresAt`. */
  uploadUrl(key: string, object: { contentType: string; sizeBytes: number }): Promise<PresignedUpload>;
  /** A URL that downloads the object as an attachment named `fileName`, for {@link DOWNLOAD_URL_SECONDS}. */
  downloadUrl(key: string, object: { contentType: string; fileName: string }): Promise<string>;
  /** What was uploaded under the key (a HEAD), or null when nothing was. */
  stat(key: string): Promise<StoredObject | null>;
  /** Removes the object; removing a missing one is not an error. */
  delete(key: string): Promise<void>;
}

export interface StoredObject {
  sizeBytes: number;
  /**
   * The type the object was stored with; null when the store does not record it because it
   * refuses, at the PUT, any other type than the signed one (the local disk).
   */
  contentType: string | null;
}

export interface PresignedUpload {
  url: string;
  /** Headers the PUT must carry (the signature covers them). */
  headers: Record<string, string>;
  expiresAt: Date;
}

/** How long an upload URL stays valid: long enough for a large file on a slow line. */
export const UPLOAD_URL_SECONDS = 15 * 60;
/** How long a download URL stays valid: a leaked link stops working soon. */
export const DOWNLOAD_URL_SECONDS = 5 * 60;

/** `Content-Disposition` of a download: an attachment (never rendered inline) with its file name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}
