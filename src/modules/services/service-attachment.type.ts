import { builder } from "../../graphql/builder.js";
import { organizationStorage, presignedDownload } from "./attachment-storage.js";

export const ServiceAttachmentRef = builder.prismaNode("ServiceAttachment", {
  nullable: true,
  id: { field: "id" },
  description: "A file about a service. Its bytes live in the organization's S3 bucket (the `s3` integration).",
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    contentType: t.exposeString("contentType"),
    sizeBytes: t.exposeInt("sizeBytes"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    downloadUrl: t.string({
      nullable: true,
      description: "A presigned GET URL, valid 15 minutes; null when the organization has no S3 integration.",
      select: { storageKey: true },
      resolve: async (attachment, _args, ctx) => {
        const storage = await organizationStorage(ctx);
        return storage ? presignedDownload(storage, attachment.storageKey) : null;
      },
    }),
  }),
});
