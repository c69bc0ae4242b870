import { randomBytes } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, rename, rm, stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Plugin } from "graphql-yoga";
import type { FileGrant, LocalFiles } from "./local-files.js";
import { LOCAL_FILES_PATH } from "./local-object-store.js";
import { attachmentDisposition } from "./object-store.js";

const fail = (status: number, code: string, message: string) =>
  new Response(JSON.stringify({ error: { code, message } }), {
    status,
    headers: { "content-type": "application/json; charset=utf-8" },
  });

class TooLarge extends Error {}

/**
 * Serves the local-disk store's presigned URLs: `PUT /files/<key>` stores one upload of the
 * signed type and size, `GET /files/<key>` answers it as an attachment. Like S3, it checks
 * the signature first, then the expiry, then the request against what was signed.
 */
export function useLocalFiles(files: LocalFiles): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (!url.pathname.startsWith(LOCAL_FILES_PATH)) return;
      const key = safeDecode(url.pathname.slice(LOCAL_FILES_PATH.length));
      const file = key === null ? null : files.pathOf(key);
      if (key === null || !file) return endResponse(fail(404, "NOT_FOUND", "No such file"));
      if (request.method !== "PUT" && request.method !== "GET") {
        return endResponse(fail(405, "METHOD_NOT_ALLOWED", `${request.method} is not allowed on files`));
      }
      const q = url.searchParams;
      const expires = Number(q.get("expires"));
      const contentType = q.get("type") ?? "";
      const grant: FileGrant =
        request.method === "PUT"
          ? { method: "PUT", key, expires, contentType, sizeBytes: Number(q.get("size")) }
          : { method: "GET", key, expires, contentType, fileName: q.get("name") ?? "" };
      if (!files.verify(grant, q.get("signature") ?? "")) {
        return endResponse(fail(403, "SIGNATURE_INVALID", "The URL's signature does not match"));
      }
      if (expires * 1000 < Date.now()) return endResponse(fail(403, "URL_EXPIRED", "The URL has expired"));
      endResponse(grant.method === "PUT" ? await receive(request, file, grant) : await send(file, grant));
    },
  };
}

function safeDecode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

async function receive(request: Request, file: string, grant: FileGrant & { method: "PUT" }): Promise<Response> {
  if (request.headers.get("content-type") !== grant.contentType) {
    return fail(400, "CONTENT_TYPE_MISMATCH", `Content-Type must be ${grant.contentType}`);
  }
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) !== grant.sizeBytes) {
    return fail(400, "SIZE_MISMATCH", `The body must be exactly ${grant.sizeBytes} bytes`);
  }
  await mkdir(path.dirname(file), { recursive: true });
  // Written aside and renamed, so a reader never sees half a file and a failed upload leaves none.
  const partial = `${file}.${randomBytes(6).toString("hex")}.part`;
  let received = 0;
  try {
    await pipeline(
      Readable.from(chunksOf(request.body)),
      async function* (chunks: AsyncIterable<Uint8Array>) {
        for await (const chunk of chunks) {
          received += chunk.length;
          if (received > grant.sizeBytes) throw new TooLarge();
          yield chunk;
        }
      },
      createWriteStream(partial),
    );
    if (received !== grant.sizeBytes) {
      await rm(partial, { force: true });
      return fail(400, "SIZE_MISMATCH", `The body must be exactly ${grant.sizeBytes} bytes`);
    }
    await rename(partial, file);
    return new Response(null, { status: 200 });
  } catch (error) {
    await rm(partial, { force: true });
    if (error instanceof TooLarge)
      return fail(400, "SIZE_MISMATCH", `The body must be exactly ${grant.sizeBytes} bytes`);
    throw error;
  }
}

async function* chunksOf(body: ReadableStream<Uint8Array> | null): AsyncGenerator<Uint8Array> {
  if (!body) return;
  const reader = body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield value;
  }
}

async function send(file: string, grant: FileGrant & { method: "GET" }): Promise<Response> {
  const info = await stat(file).catch(() => null);
  if (!info?.isFile()) return fail(404, "NOT_FOUND", "No such file");
  return new Response(Readable.toWeb(createReadStream(file)) as ReadableStream, {
    status: 200,
    headers: {
      "content-type": grant.contentType,
      "content-length": String(info.size),
      "content-disposition": attachmentDisposition(grant.fileName),
      // Files come from users and this origin serves the API: never let one run as a page here.
      "content-security-policy": "sandbox",
      "x-content-type-options": "nosniff",
      "cache-control": "private, no-store",
    },
  });
}
