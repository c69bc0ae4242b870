import { randomUUID } from "node:crypto";
import { z } from "zod";
import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { audited } from "../../operation/audited.js";
import { organizationObjectKey } from "../../storage/object-keys.js";
import { objectStoreFor } from "../../storage/organization-store.js";
import { findService } from "./domain/catalog-lookups.js";
import { catalogRoles } from "./roles.js";
import { ServiceAttachmentRef } from "./service-attachment.type.js";
import { ServiceRef } from "./types/service.type.js";

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
      description: "PUT exactly `sizeBytes` bytes here (with its Content-Type) before `expiresAt`.",
    }),
    expiresAt: t.expose("expiresAt", { type: "DateTime" }),
  }),
});

builder.mutationField("createServiceAttachment", (t) =>
  t.field({
    type: AttachmentUploadRef,
    description:
      "Records a file of a service and answers a presigned URL to upload it to: the organization's `s3` integration, else the server's storage.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CreateServiceAttachmentInput }) },
    resolve: async (_root, { input }, ctx) => {
      const store = await objectStoreFor(ctx);
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
            storageKey: organizationObjectKey(
              service.organizationId,
              "services",
              service.id,
              "attachments",
              id,
              input.fileName,
            ),
            uploadedById: ctx.scope.userId,
          },
        });
        const upload = await store.uploadUrl(attachment.storageKey, attachment);
        return {
          value: { attachment, uploadUrl: upload.url, expiresAt: upload.expiresAt },
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
    description: "Deletes a file of a service and its bytes.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: ServiceAttachmentRef }) },
    resolve: async (_root, { id }, ctx) => {
      const store = await objectStoreFor(ctx);
      return audited(ctx, async (tx) => {
        const before = await tx.serviceAttachment.findUnique({ where: { id: id.id } });
        if (!before) throw new NotFoundError("ServiceAttachment");
        await tx.serviceAttachment.delete({ where: { id: before.id } });
        // Inside the transaction: if storage refuses, the row stays and the client may retry.
        await store.delete(before.storageKey);
        return {
          value: before,
          audit: { action: "service_attachment.delete", entityType: "ServiceAttachment", entityId: before.id, before },
        };
      });
    },
  }),
);
