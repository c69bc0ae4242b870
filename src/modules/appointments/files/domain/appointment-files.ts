import { randomUUID } from "node:crypto";
import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError } from "../../../../errors.js";
import type { AppointmentFile } from "../../../../generated/prisma/client.js";
import type { Actor, Operation } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { organizationObjectKey } from "../../../../storage/object-keys.js";
import {
  confirmUpload,
  type DeclaredFile,
  defineUploadKind,
  deleteFile,
  type FileRows,
  type FileStorage,
  startUpload,
} from "../../../../storage/uploads.js";

/**
 * What an appointment file may be: documents and photos a patient or clinician brings to a
 * visit. Nothing a browser would run (HTML, SVG), nothing that hides other files (archives).
 * At most APPOINTMENT_FILE_MAX_BYTES (`config.ts`).
 */
export const appointmentFileKind = defineUploadKind({
  name: "appointment_file",
  contentTypes: ["application/pdf", "image/jpeg", "image/png", "image/webp", "image/heic", "text/plain"],
  maxBytes: (config) => config.appointmentFiles.maxBytes,
});

// Row-level security hides other organizations' files, and those of a patient's other people.
const rows: FileRows<AppointmentFile> = {
  entity: "AppointmentFile",
  auditPrefix: "appointment_file",
  find: (tx, id) => tx.appointmentFile.findUnique({ where: { id } }),
};

export interface StartAppointmentFileUpload extends DeclaredFile {
  appointmentId: string;
}

/** Records a pending file of an appointment the caller sees, and answers the PUT that uploads it. */
export async function startAppointmentFileUpload(
  tx: Prisma.TransactionClient,
  actor: Actor,
  files: FileStorage,
  input: StartAppointmentFileUpload,
) {
  const started = await startUpload(files, appointmentFileKind, input, async (declared) => {
    // Row-level security hides other organizations' appointments, and a patient's other people's.
    const appointment = await tx.appointment.findUnique({ where: { id: input.appointmentId } });
    if (!appointment) throw new NotFoundError("Appointment");
    const id = randomUUID();
    return tx.appointmentFile.create({
      data: {
        ...declared,
        id,
        organizationId: appointment.organizationId,
        appointmentId: appointment.id,
        storageKey: organizationObjectKey(
          appointment.organizationId,
          "appointments",
          appointment.id,
          "files",
          id,
          declared.fileName,
        ),
        uploadedByUserId: actor.scope.userId,
      },
    });
  });
  return {
    value: started,
    audit: {
      action: "appointment_file.create",
      entityType: "AppointmentFile",
      entityId: started.file.id,
      after: started.file,
    },
  } satisfies Audited<typeof started>;
}

/** Marks a file uploaded once storage holds it with the declared size and type. */
export function confirmAppointmentFileUpload(operation: Operation, files: FileStorage, id: string) {
  return confirmUpload(
    operation,
    files,
    {
      ...rows,
      async markUploaded(tx, before) {
        const after = await tx.appointmentFile.update({ where: { id: before.id }, data: { uploadedAt: new Date() } });
        return {
          value: after,
          audit: { action: "appointment_file.upload", entityType: "AppointmentFile", entityId: id, before, after },
        };
      },
    },
    id,
  );
}

/** Deletes a file (pending or uploaded) and, once that committed, its bytes. */
export function deleteAppointmentFile(operation: Operation, files: FileStorage, id: string) {
  return deleteFile(
    operation,
    files,
    {
      ...rows,
      async remove(tx, before) {
        await tx.appointmentFile.delete({ where: { id: before.id } });
        return {
          value: before,
          audit: { action: "appointment_file.delete", entityType: "AppointmentFile", entityId: id, before },
        };
      },
    },
    id,
  );
}
