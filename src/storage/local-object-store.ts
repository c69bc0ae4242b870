import { rm, stat } from "node:fs/promises";
import type { LocalFiles } from "./local-files.js";
import { DOWNLOAD_URL_SECONDS, type ObjectStore, UPLOAD_URL_SECONDS } from "./object-store.js";

/** Path on this server where local-disk files are uploaded and downloaded. */
export const LOCAL_FILES_PATH = "/files/";

/**
 * An {@link ObjectStore} on the server's disk, handing out URLs of this server (`baseUrl`,
 * e.g. `https://api.example.com`) that `use-local-files.ts` checks and serves.
 */
export function localObjectStore(files: LocalFiles, baseUrl: string): ObjectStore {
  const fileOf = (key: string) => {
    const file = files.pathOf(key);
    if (!file) throw new Error(`Not a storable object key: ${key}`);
    return file;
  };
  const expiresIn = (seconds: number) => Math.floor(Date.now() / 1000) + seconds;
  const urlOf = (key: string, params: Record<string, string>) =>
    `${baseUrl}${LOCAL_FILES_PATH}${key}?${new URLSearchParams(params)}`;
  return {
    async uploadUrl(key, { contentType, sizeBytes }) {
      fileOf(key);
      const expires = expiresIn(UPLOAD_URL_SECONDS);
      const signature = files.sign({ method: "PUT", key, expires, contentType, sizeBytes });
      return {
        url: urlOf(key, { expires: String(expires), type: contentType, size: String(sizeBytes), signature }),
        headers: { "content-type": contentType },
        expiresAt: new Date(expires * 1000),
      };
    },
    async downloadUrl(key, { contentType, fileName }) {
      fileOf(key);
      const expires = expiresIn(DOWNLOAD_URL_SECONDS);
      const signature = files.sign({ method: "GET", key, expires, contentType, fileName });
      return urlOf(key, { expires: String(expires), type: contentType, name: fileName, signature });
    },
    async stat(key) {
      try {
        const info = await stat(fileOf(key));
        // The PUT (use-local-files.ts) refuses any other type than the signed one: nothing to record.
        return info.isFile() ? { sizeBytes: info.size, contentType: null } : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
        throw error;
      }
    },
    async delete(key) {
      await rm(fileOf(key), { force: true });
    },
  };
}
