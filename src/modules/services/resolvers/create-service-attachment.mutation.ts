import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { audited } from "../../../operation/audited.js";
import { fileStorageFor } from "../../../storage/organization-store.js";
import { startServiceAttachmentUpload } from "../domain/service-attachments.js";
import { catalogRoles } from "../roles.js";
import { CreateServiceAttachmentInput, ServiceAttachmentUploadRef } from "../types/service-attachment-upload.type.js";

builder.mutationField("createServiceAttachment", (t) =>
  t.field({
    type: ServiceAttachmentUploadRef,
    description:
      "Records a pending file of a service and answers its presigned upload (the organization's `s3` integration, else the server's storage); confirm it with `confirmServiceAttachmentUpload`.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CreateServiceAttachmentInput }) },
    resolve: async (_root, { input }, ctx) => {
      const files = await fileStorageFor(ctx);
      return audited(ctx, (tx, actor) =>
        startServiceAttachmentUpload(tx, actor, files, { ...input, serviceId: input.serviceId.id }),
      );
    },
  }),
);
