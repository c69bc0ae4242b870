import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { UploadMismatchError } from "../../../storage/errors.js";
import { fileStorageFor } from "../../../storage/organization-store.js";
import { confirmServiceAttachmentUpload } from "../domain/service-attachments.js";
import { catalogRoles } from "../roles.js";
import { ServiceAttachmentRef } from "../types/service-attachment.type.js";

builder.mutationField("confirmServiceAttachmentUpload", (t) =>
  t.field({
    type: ServiceAttachmentRef,
    description:
      "Marks an attachment uploaded once storage holds its bytes with the declared size and type: listed and downloadable from then on. Nothing uploaded yet: ConflictError; another size or type: UploadMismatchError (the object is deleted). Confirming twice answers the attachment again.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError, ConflictError, UploadMismatchError] },
    args: { id: t.arg.globalID({ for: ServiceAttachmentRef }) },
    resolve: async (_root, { id }, ctx) => confirmServiceAttachmentUpload(ctx, await fileStorageFor(ctx), id.id),
  }),
);
