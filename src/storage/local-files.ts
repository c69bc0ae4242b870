import { createHmac, timingSafeEqual } from "node:crypto";
import path from "node:path";
import { isSafeObjectKey } from "./object-keys.js";

/** What one local-disk URL allows: one PUT of a given type and size, or GETs as a named download. */
export type FileGrant =
  | { method: "PUT"; key: string; expires: number; contentType: string; sizeBytes: number }
  | { method: "GET"; key: string; expires: number; contentType: string; fileName: string };

/**
 * The server's own file folder and the key that signs URLs to it. Stands in for S3 when none
 * is configured: the same presigned-URL flow, served by this server on `/files/<key>`.
 */
export interface LocalFiles {
  /** HMAC-SHA256 of the grant, base64url. */
  sign(grant: FileGrant): string;
  /** Whether `signature` was made by {@link sign} for exactly this grant. */
  verify(grant: FileGrant, signature: string): boolean;
  /** The file of `key` under the folder; null for a key that is not one of ours (`..`, absolute...). */
  pathOf(key: string): string | null;
}

export function createLocalFiles(options: { dir: string; signingKey: Buffer }): LocalFiles {
  const root = path.resolve(options.dir);
  const mac = (grant: FileGrant) =>
    createHmac("sha256", options.signingKey)
      .update(
        JSON.stringify(
          grant.method === "PUT"
            ? [grant.method, grant.key, grant.expires, grant.contentType, grant.sizeBytes]
            : [grant.method, grant.key, grant.expires, grant.contentType, grant.fileName],
        ),
      )
      .digest();
  return {
    sign: (grant) => mac(grant).toString("base64url"),
    verify: (grant, signature) => {
      const expected = mac(grant);
      const given = Buffer.from(signature, "base64url");
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
    pathOf: (key) => {
      if (!isSafeObjectKey(key)) return null;
      const file = path.resolve(root, ...key.split("/"));
      // Belt and braces: safe keys cannot climb out, and this check does not rely on that.
      return file.startsWith(root + path.sep) ? file : null;
    },
  };
}
