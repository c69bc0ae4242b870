import { z } from "zod";
import { ValidationError } from "../../../errors.js";

/**
 * What an appointment file may be: documents and photos a patient or clinician brings to a
 * visit. Nothing a browser would run (HTML, SVG), nothing that hides other files (archives).
 */
export const appointmentFileContentTypes = [
  "application/pdf",
  "image/jpeg",
  "image/png",
  "image/webp",
  "image/heic",
  "text/plain",
] as const;

export const fileNameSchema = z.string().trim().min(1, { message: "must not be empty" }).max(255);

export const contentTypeSchema = z
  .string()
  .transform((v) => v.trim().toLowerCase())
  .refine((v) => (appointmentFileContentTypes as readonly string[]).includes(v), {
    message: `must be one of ${appointmentFileContentTypes.join(", ")}`,
  });

export const sizeSchema = z.number().int().min(1, { message: "must be at least 1" });

/** The size limit is configuration (APPOINTMENT_FILE_MAX_BYTES), so it is checked at run time. */
export function checkFileSize(sizeBytes: number, maxBytes: number, path: string[]): void {
  if (sizeBytes > maxBytes) throw new ValidationError([{ path, message: `must be at most ${maxBytes} bytes` }]);
}
