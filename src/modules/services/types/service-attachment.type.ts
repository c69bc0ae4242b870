import { builder } from "../../graphql/builder.js";
import { objectStoreFor } from "../../storage/organization-store.js";

export const ServiceAttachmentRef = builder.prismaNode("ServiceAttachment", {
  nullable: true,
  id: { field: "id" },
  description:
    "A file about a service. Its bytes live in the organization's S3 bucket (the `s3` integration), else in the server's storage.",
  fields: (t) => ({
    fileName: t.exposeString("fileName"),
    contentType: t.exposeString("contentType"),
    sizeBytes: t.exposeInt("sizeBytes"),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    service: t.relation("service", { description: "The service the file is about." }),
    downloadUrl: t.string({
      description: "A presigned GET URL, valid 5 minutes.",
      select: { storageKey: true, fileName: true, contentType: true },
      resolve: async (attachment, _args, ctx) =>
        (await objectStoreFor(ctx)).downloadUrl(attachment.storageKey, attachment),
    }),
  }),
});
