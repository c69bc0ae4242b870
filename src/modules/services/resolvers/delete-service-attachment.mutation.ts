import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { fileStorageFor } from "../../../storage/organization-store.js";
import { deleteServiceAttachment } from "../domain/service-attachments.js";
import { catalogRoles } from "../roles.js";
import { ServiceAttachmentRef } from "../types/service-attachment.type.js";

builder.mutationField("deleteServiceAttachment", (t) =>
  t.field({
    type: ServiceAttachmentRef,
    description: "Deletes a file of a service (pending or uploaded), then its bytes.",
    authScopes: { orgRole: catalogRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: ServiceAttachmentRef }) },
    resolve: async (_root, { id }, ctx) => deleteServiceAttachment(ctx, await fileStorageFor(ctx), id.id),
  }),
);
