import { AppError } from "../errors.js";

/**
 * What was uploaded is not what was signed: another size, or another content type. The
 * confirmation deleted the object; the upload URL, while it lasts, takes the right file again.
 */
export class UploadMismatchError extends AppError {
  static readonly code = "UPLOAD_MISMATCH";
  static readonly httpStatus = 409;
  constructor(
    message: string,
    /** What storage holds: the object's size and type (null where the store does not record types). */
    readonly uploaded: { sizeBytes: number; contentType: string | null },
  ) {
    super(message);
    this.name = "UploadMismatchError";
  }
}
