import { builder } from "../../../graphql/builder.js";
import { uploadPayloadFields } from "../../../graphql/file-upload.js";
import { fileNameSchema, type StartedUpload } from "../../../storage/uploads.js";
import { serviceAttachmentKind } from "../domain/service-attachments.js";
import { ServiceRef } from "./service.type.js";
import { ServiceAttachmentRef } from "./service-attachment.type.js";

export const CreateServiceAttachmentInput = builder.inputType("CreateServiceAttachmentInput", {
  fields: (t) => ({
    serviceId: t.globalID({ for: ServiceRef }),
    fileName: t.string({ validate: fileNameSchema }),
    contentType: t.string({
      description: `One of ${serviceAttachmentKind.contentTypes.join(", ")}.`,
    }),
    sizeBytes: t.int({ description: "Exact size; at most SERVICE_ATTACHMENT_MAX_BYTES (500 MiB by default)." }),
  }),
});

export const ServiceAttachmentUploadRef = builder
  .objectRef<StartedUpload<{ id: string }>>("ServiceAttachmentUpload")
  .implement({
    description:
      "A pending attachment and its upload: PUT the file as `upload` says, then call `confirmServiceAttachmentUpload`.",
    fields: (t) => ({
      attachment: t.field({ type: ServiceAttachmentRef, resolve: (result) => result.file as never }),
      ...uploadPayloadFields(t),
    }),
  });
