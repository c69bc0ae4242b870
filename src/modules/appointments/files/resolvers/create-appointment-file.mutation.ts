import { NotFoundError } from "../../../../errors.js";
import { builder } from "../../../../graphql/builder.js";
import { memberRoles } from "../../../../identity/roles.js";
import { audited } from "../../../../operation/audited.js";
import { fileStorageFor } from "../../../../storage/organization-store.js";
import { startAppointmentFileUpload } from "../domain/appointment-files.js";
import { AppointmentFileUploadRef, CreateAppointmentFileInput } from "../types/appointment-file-upload.type.js";

builder.mutationField("createAppointmentFile", (t) =>
  t.field({
    type: AppointmentFileUploadRef,
    description:
      "Records a pending file of an appointment and answers its presigned upload; confirm it with `confirmAppointmentFileUpload`. Staff, or the appointment's own patient.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CreateAppointmentFileInput }) },
    resolve: async (_root, { input }, ctx) => {
      const files = await fileStorageFor(ctx);
      return audited(ctx, (tx, actor) =>
        startAppointmentFileUpload(tx, actor, files, { ...input, appointmentId: input.appointmentId.id }),
      );
    },
  }),
);
