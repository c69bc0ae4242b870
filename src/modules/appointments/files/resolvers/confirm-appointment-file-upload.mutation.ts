import { ConflictError, NotFoundError } from "../../../../errors.js";
import { builder } from "../../../../graphql/builder.js";
import { memberRoles } from "../../../../identity/roles.js";
import { UploadMismatchError } from "../../../../storage/errors.js";
import { fileStorageFor } from "../../../../storage/organization-store.js";
import { confirmAppointmentFileUpload } from "../domain/appointment-files.js";
import { AppointmentFileRef } from "../types/appointment-file.type.js";

builder.mutationField("confirmAppointmentFileUpload", (t) =>
  t.field({
    type: AppointmentFileRef,
    description:
      "Marks a file uploaded once storage holds its bytes with the declared size and type: listed and downloadable from then on. Nothing uploaded yet: ConflictError; another size or type: UploadMismatchError (the object is deleted). Confirming twice answers the file again.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ConflictError, UploadMismatchError] },
    args: { id: t.arg.globalID({ for: AppointmentFileRef }) },
    resolve: async (_root, { id }, ctx) => confirmAppointmentFileUpload(ctx, await fileStorageFor(ctx), id.id),
  }),
);
