import { randomUUID } from "node:crypto";
import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { memberRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { organizationObjectKey } from "../../../storage/object-keys.js";
import type { PresignedUpload } from "../../../storage/object-store.js";
import { objectStoreFor } from "../../../storage/organization-store.js";
import { AppointmentRef } from "../appointment.type.js";
import { AppointmentFileRef } from "./appointment-file.type.js";
import { checkFileSize, contentTypeSchema, fileNameSchema, sizeSchema } from "./file-limits.js";

const CreateAppointmentFileInput = builder.inputType("CreateAppointmentFileInput", {
  fields: (t) => ({
    appointmentId: t.globalID({ for: AppointmentRef }),
    fileName: t.string({ validate: fileNameSchema }),
    contentType: t.string({ validate: contentTypeSchema }),
    sizeBytes: t.int({ validate: sizeSchema, description: "Exact size; at most APPOINTMENT_FILE_MAX_BYTES." }),
  }),
});

const HttpHeaderRef = builder.objectRef<{ name: string; value: string }>("HttpHeader").implement({
  fields: (t) => ({ name: t.exposeString("name"), value: t.exposeString("value") }),
});

interface AppointmentFileUpload {
  file: { id: string };
  upload: PresignedUpload;
}

const AppointmentFileUploadRef = builder.objectRef<AppointmentFileUpload>("AppointmentFileUpload").implement({
  fields: (t) => ({
    file: t.field({ type: AppointmentFileRef, resolve: (result) => result.file as never }),
    uploadUrl: t.string({
      description:
        "PUT exactly `sizeBytes` bytes here, with `uploadHeaders`, before `expiresAt`; then call `confirmAppointmentFileUpload`.",
      resolve: (result) => result.upload.url,
    }),
    uploadHeaders: t.field({
      type: [HttpHeaderRef],
      description: "Headers the PUT must carry: the URL's signature covers them.",
      resolve: (result) => Object.entries(result.upload.headers).map(([name, value]) => ({ name, value })),
    }),
    expiresAt: t.field({ type: "DateTime", resolve: (result) => result.upload.expiresAt }),
  }),
});

builder.mutationField("createAppointmentFile", (t) =>
  t.field({
    type: AppointmentFileUploadRef,
    description:
      "Records a file of an appointment and answers a presigned URL to upload it to. Staff, or the appointment's own patient.",
    authScopes: { orgRole: memberRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CreateAppointmentFileInput }) },
    resolve: async (_root, { input }, ctx) => {
      checkFileSize(input.sizeBytes, ctx.services.config.appointmentFiles.maxBytes, ["input", "sizeBytes"]);
      const store = await objectStoreFor(ctx);
      return audited(ctx, async (tx) => {
        // Row-level security hides other organizations' appointments, and a patient's other people's.
        const appointment = await tx.appointment.findUnique({ where: { id: input.appointmentId.id } });
        if (!appointment) throw new NotFoundError("Appointment");
        const id = randomUUID();
        const file = await tx.appointmentFile.create({
          data: {
            id,
            organizationId: appointment.organizationId,
            appointmentId: appointment.id,
            fileName: input.fileName,
            contentType: input.contentType,
            sizeBytes: input.sizeBytes,
            storageKey: organizationObjectKey(
              appointment.organizationId,
              "appointments",
              appointment.id,
              "files",
              id,
              input.fileName,
            ),
            uploadedByUserId: ctx.scope.userId,
          },
        });
        return {
          value: { file, upload: await store.uploadUrl(file.storageKey, file) },
          audit: { action: "appointment_file.create", entityType: "AppointmentFile", entityId: id, after: file },
        };
      });
    },
  }),
);
