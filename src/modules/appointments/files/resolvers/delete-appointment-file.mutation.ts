import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { objectStoreFor } from "../../../storage/organization-store.js";
import { AppointmentFileRef } from "./appointment-file.type.js";

builder.mutationField("deleteAppointmentFile", (t) =>
  t.field({
    type: AppointmentFileRef,
    description: "Deletes a file of an appointment and its bytes. Staff, or the appointment's own patient.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: AppointmentFileRef }) },
    resolve: async (_root, { id }, ctx) => {
      const store = await objectStoreFor(ctx);
      return audited(ctx, async (tx) => {
        const before = await tx.appointmentFile.findUnique({ where: { id: id.id } });
        if (!before) throw new NotFoundError("AppointmentFile");
        await tx.appointmentFile.delete({ where: { id: before.id } });
        // Inside the transaction: if storage refuses, the row stays and the client may retry.
        await store.delete(before.storageKey);
        return {
          value: before,
          audit: { action: "appointment_file.delete", entityType: "AppointmentFile", entityId: before.id, before },
        };
      });
    },
  }),
);
