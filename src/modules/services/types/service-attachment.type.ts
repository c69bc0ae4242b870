import { builder } from "../../../graphql/builder.js";
import { objectStoreFor } from "../../../storage/organization-store.js";
import { downloadUrlOf } from "../../../storage/uploads.js";

export const ServiceAttachmentRef = builder.prismaNode("ServiceAttachment", {
  nullable: true,
  id: { field: "id" },
  description:
    "A file about a service. Its bytes live in the organization's S3 bucket (the `s3` integration), else in the server's storage. Pending until `confirmServiceAttachmentUpload`: not listed, not downloadable.",
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    contentType: t.exposeString("contentType"),
    sizeBytes: t.exposeInt("sizeBytes"),
    uploadedAt: t.expose("uploadedAt", {
      type: "DateTime",
      nullable: true,
      description: "When the upload was confirmed (`confirmServiceAttachmentUpload`); null while it is pending.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    service: t.relation("service", { description: "The service the file is about." }),
    downloadUrl: t.string({
      nullable: true,
      description: "A presigned GET URL, valid 5 minutes; null until the upload is confirmed.",
      select: { storageKey: true, fileName: true, contentType: true, uploadedAt: true },
      resolve: async (attachment, _args, ctx) => downloadUrlOf(await objectStoreFor(ctx), attachment),
    }),
  }),
});
