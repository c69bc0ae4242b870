import { NotFoundError } from "../../../../errors.js";
import { builder } from "../../../../graphql/builder.js";
import { memberRoles } from "../../../../identity/roles.js";
import { fileStorageFor } from "../../../../storage/organization-store.js";
import { deleteAppointmentFile } from "../domain/appointment-files.js";
import { AppointmentFileRef } from "../types/appointment-file.type.js";

builder.mutationField("deleteAppointmentFile", (t) =>
  t.field({
    type: AppointmentFileRef,
    description:
      "Deletes a file of an appointment (pending or uploaded), then its bytes. Staff, or the appointment's own patient.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: AppointmentFileRef }) },
    resolve: async (_root, { id }, ctx) => deleteAppointmentFile(ctx, await fileStorageFor(ctx), id.id),
  }),
);
