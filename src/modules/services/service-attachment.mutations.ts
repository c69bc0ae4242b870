import { randomUUID } from "node:crypto";
import { z } from "zod";
import { ConflictError, NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../audit/audited.js";
import { attachmentKey, organizationStorage, PRESIGNED_URL_SECONDS, presignedUpload } from "./attachment-storage.js";
import { findService } from "./catalog-lookups.js";
import { catalogRoles } from "./roles.js";
import { ServiceRef } from "./service.type.js";
import { ServiceAttachmentRef } from "./service-attachment.type.js";

const MAX_ATTACHMENT_BYTES = 500 * 1024 * 1024;

const CreateServiceAttachmentInput = builder.inputType("CreateServiceAttachmentInput", {
  fields: (t) => ({
    serviceId: t.globalID({ for: ServiceRef }),
    fileName: t.string({ validate: z.string().trim().min(1, { message: "must not be empty" }).max(255) }),
    contentType: t.string({
      validate: z.string().regex(/^[\w.+-]+\/[\w.+-]+$/, { message: "must be a MIME type such as application/pdf" }),
    }),
    sizeBytes: t.int({
      validate: z
        .number()
        .int()
        .min(1, { message: "must be at least 1" })
        .max(MAX_ATTACHMENT_BYTES, { message: `must be at most ${MAX_ATTACHMENT_BYTES} bytes` }),
    }),
  }),
});

interface AttachmentUpload {
  attachment: { id: string };
  uploadUrl: string;
  expiresAt: Date;
}

const AttachmentUploadRef = builder.objectRef<AttachmentUpload>("ServiceAttachmentUpload").implement({
  fields: (t) => ({
    attachment: t.field({ type: ServiceAttachmentRef, resolve: (upload) => upload.attachment as never }),
    uploadUrl: t.exposeString("uploadUrl", {
      description: "PUT the file's bytes here (with its Content-Type) before `expiresAt`.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
  }),
});

builder.mutationField("createServiceAttachment", (t) =>
  t.field({
    type: AttachmentUploadRef,
    description:
      "Records a file of a service and answers a presigned S3 URL to upload it to. Needs the organization's `s3` integration.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { input: t.arg({ type: CreateServiceAttachmentInput }) },
    resolve: async (_root, { input }, ctx) => {
      const storage = await organizationStorage(ctx);
      if (!storage) throw new ConflictError("Set up the organization's s3 integration before adding attachments");
      return audited(ctx, async (tx) => {
        const service = await findService(tx, input.serviceId.id);
        const id = randomUUID();
        const attachment = await tx.serviceAttachment.create({
          data: {
            id,
            organizationId: service.organizationId,
            serviceId: service.id,
            fileName: input.fileName,
            contentType: input.contentType,
            sizeBytes: input.sizeBytes,
            storageKey: attachmentKey(service.organizationId, service.id, id, input.fileName),
            uploadedById: ctx.scope.userId,
          },
        });
        const uploadUrl = await presignedUpload(storage, attachment.storageKey, attachment.contentType);
        return {
          value: { attachment, uploadUrl, expiresAt: new Date(Date.now() + PRESIGNED_URL_SECONDS * 1000) },
          audit: {
            action: "service_attachment.create",
            entityType: "ServiceAttachment",
            entityId: id,
            after: attachment,
          },
        };
      });
    },
  }),
);

builder.mutationField("deleteServiceAttachment", (t) =>
  t.field({
    type: ServiceAttachmentRef,
    description: "Forgets a file of a service. The object stays in the bucket.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: ServiceAttachmentRef }) },
    resolve: (_root, { id }, ctx) =>
      audited(ctx, async (tx) => {
        const before = await tx.serviceAttachment.findUnique({ where: { id: id.id } });
        if (!before) throw new NotFoundError("ServiceAttachment");
        await tx.serviceAttachment.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: { action: "service_attachment.delete", entityType: "ServiceAttachment", entityId: before.id, before },
        };
      }),
  }),
);
