import { ConflictError, NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { objectStoreFor } from "../../../storage/organization-store.js";
import { AppointmentFileRef } from "./appointment-file.type.js";

builder.mutationField("confirmAppointmentFileUpload", (t) =>
  t.field({
    type: AppointmentFileRef,
    description:
      "Marks a file uploaded once its bytes are in storage with the declared size (ConflictError otherwise). Confirming twice answers the file again.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError, ConflictError] },
    args: { id: t.arg.globalID({ for: AppointmentFileRef }) },
    resolve: async (_root, { id }, ctx) => {
      const file = await ctx.db.appointmentFile.findUnique({ where: { id: id.id } });
      if (!file) throw new NotFoundError("AppointmentFile");
      if (file.uploadedAt) return file;
      // Checked outside any transaction: no database connection waits on the storage round trip.
      const store = await objectStoreFor(ctx);
      await ctx.database.release();
      const object = await store.stat(file.storageKey);
      if (!object) throw new ConflictError("The file has not been uploaded yet");
      if (object.sizeBytes !== file.sizeBytes) {
        throw new ConflictError(`The uploaded file has ${object.sizeBytes} bytes; ${file.sizeBytes} were declared`);
      }
      return audited(ctx, async (tx) => {
        const after = await tx.appointmentFile.update({ where: { id: file.id }, data: { uploadedAt: new Date() } });
        return {
          value: after,
          audit: {
            action: "appointment_file.upload",
            entityType: "AppointmentFile",
            entityId: file.id,
            before: file,
            after,
          },
        };
      });
    },
  }),
);
