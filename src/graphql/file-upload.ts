import { UploadMismatchError } from "../storage/errors.js";
import type { FileUploadGrant } from "../storage/uploads.js";
import { builder } from "./builder.js";
import { errorObjectType } from "./error-types.js";

/** The GraphQL side of the one upload flow (`src/storage/uploads.ts`): every feature's files answer these. */

export const HttpHeaderRef = builder.objectRef<{ name: string; value: string }>("HttpHeader").implement({
  fields: (t) => ({ name: t.exposeString("name"), value: t.exposeString("value") }),
});

export const FileUploadRef = builder.objectRef<FileUploadGrant>("FileUpload").implement({
  description:
    "One presigned upload: send `method` to `url` with exactly `headers` and the declared number of bytes, before `expiresAt`; then confirm it with the feature's `confirm...Upload` mutation.",
  fields: (t) => ({
    url: t.exposeString("url"),
    method: t.exposeString("method", { description: "Always `PUT`." }),
    headers: t.field({
      type: [HttpHeaderRef],
      description: "Headers the request must carry: the URL's signature covers them.",
      resolve: (upload) => upload.headers,
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime", description: "The URL's end (15 minutes)." }),
  }),
});

errorObjectType(UploadMismatchError, {
  name: "UploadMismatchError",
  description:
    "What storage holds is not what the upload declared (another size or content type): the object was deleted; upload the declared file again, then confirm.",
  fields: (t) => ({
    uploadedSizeBytes: t.int({ resolve: (error) => error.uploaded.sizeBytes }),
    uploadedContentType: t.string({
      nullable: true,
      description: "Null where the store checks the type at upload instead (the server's own disk).",
      resolve: (error) => error.uploaded.contentType,
    }),
  }),
});

type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;

/**
 * The fields every feature's upload payload shares besides its row: `upload`, and the flat
 * `uploadUrl`, `uploadHeaders`, `expiresAt` that came before it (deprecated, kept for clients).
 */
export function uploadPayloadFields(t: PothosSchemaTypes.ObjectFieldBuilder<Types, { upload: FileUploadGrant }>) {
  const deprecationReason = "Use `upload`.";
  return {
    upload: t.field({ type: FileUploadRef, resolve: (result) => result.upload }),
    uploadUrl: t.string({ deprecationReason, resolve: (result) => result.upload.url }),
    uploadHeaders: t.field({ type: [HttpHeaderRef], deprecationReason, resolve: (result) => result.upload.headers }),
    expiresAt: t.field({ type: "DateTime", deprecationReason, resolve: (result) => result.upload.expiresAt }),
  };
}
