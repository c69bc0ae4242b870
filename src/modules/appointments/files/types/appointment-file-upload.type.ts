import { builder } from "../../../../graphql/builder.js";
import { uploadPayloadFields } from "../../../../graphql/file-upload.js";
import { fileNameSchema, type StartedUpload } from "../../../../storage/uploads.js";
import { AppointmentRef } from "../../types/appointment.type.js";
import { appointmentFileKind } from "../domain/appointment-files.js";
import { AppointmentFileRef } from "./appointment-file.type.js";

export const CreateAppointmentFileInput = builder.inputType("CreateAppointmentFileInput", {
  fields: (t) => ({
    appointmentId: t.globalID({ for: AppointmentRef }),
    fileName: t.string({ validate: fileNameSchema }),
    contentType: t.string({ description: `One of ${appointmentFileKind.contentTypes.join(", ")}.` }),
    sizeBytes: t.int({ description: "Exact size; at most APPOINTMENT_FILE_MAX_BYTES." }),
  }),
});

export const AppointmentFileUploadRef = builder
  .objectRef<StartedUpload<{ id: string }>>("AppointmentFileUpload")
  .implement({
    description:
      "A pending file and its upload: PUT the file as `upload` says, then call `confirmAppointmentFileUpload`.",
    fields: (t) => ({
      file: t.field({ type: AppointmentFileRef, resolve: (result) => result.file as never }),
      ...uploadPayloadFields(t),
    }),
  });
