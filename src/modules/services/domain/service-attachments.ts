import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../db/prisma.js";
import type { ServiceAttachment } from "../../../generated/prisma/client.js";
import type { Actor, Operation } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { organizationObjectKey } from "../../../storage/object-keys.js";
import {
  confirmUpload,
  type DeclaredFile,
  defineUploadKind,
  deleteFile,
  type FileRows,
  type FileStorage,
  startUpload,
} from "../../../storage/uploads.js";
import { findService } from "./catalog-lookups.js";

/**
 * What a file about a service may be: a leaflet, a consent form, a photo, an exercise video or
 * audio. Nothing a browser would run (HTML, SVG), nothing that hides other files (archives).
 */
export const serviceAttachmentKind = defineUploadKind({
  name: "service_attachment",
  contentTypes: [
    "application/pdf",
    "image/jpeg",
    "image/png",
    "image/webp",
    "image/heic",
    "video/mp4",
    "video/webm",
    "video/quicktime",
    "audio/mpeg",
    "audio/mp4",
    "text/plain",
  ],
  maxBytes: (config) => config.serviceAttachments.maxBytes,
});

const rows: FileRows<ServiceAttachment> = {
  entity: "ServiceAttachment",
  auditPrefix: "service_attachment",
  find: (tx, id) => tx.serviceAttachment.findUnique({ where: { id } }),
};

export interface StartServiceAttachmentUpload extends DeclaredFile {
  serviceId: string;
}

/** Records a pending attachment of a service the caller sees, and answers the PUT that uploads it. */
export async function startServiceAttachmentUpload(
  tx: Prisma.TransactionClient,
  actor: Actor,
  files: FileStorage,
  input: StartServiceAttachmentUpload,
) {
  const started = await startUpload(files, serviceAttachmentKind, input, async (declared) => {
    const service = await findService(tx, input.serviceId);
    const id = randomUUID();
    return tx.serviceAttachment.create({
      data: {
        ...declared,
        id,
        organizationId: service.organizationId,
        serviceId: service.id,
        storageKey: organizationObjectKey(
          service.organizationId,
          "services",
          service.id,
          "attachments",
          id,
          declared.fileName,
        ),
        uploadedById: actor.scope.userId,
      },
    });
  });
  return {
    value: started,
    audit: {
      action: "service_attachment.create",
      entityType: "ServiceAttachment",
      entityId: started.file.id,
      after: started.file,
    },
  } satisfies Audited<typeof started>;
}

/** Marks an attachment uploaded once storage holds it with the declared size and type. */
export function confirmServiceAttachmentUpload(operation: Operation, files: FileStorage, id: string) {
  return confirmUpload(
    operation,
    files,
    {
      ...rows,
      async markUploaded(tx, before) {
        const after = await tx.serviceAttachment.update({ where: { id: before.id }, data: { uploadedAt: new Date() } });
        return {
          value: after,
          audit: { action: "service_attachment.upload", entityType: "ServiceAttachment", entityId: id, before, after },
        };
      },
    },
    id,
  );
}

/** Deletes an attachment (pending or uploaded) and, once that committed, its bytes. */
export function deleteServiceAttachment(operation: Operation, files: FileStorage, id: string) {
  return deleteFile(
    operation,
    files,
    {
      ...rows,
      async remove(tx, before) {
        await tx.serviceAttachment.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: { action: "service_attachment.delete", entityType: "ServiceAttachment", entityId: id, before },
        };
      },
    },
    id,
  );
}
