import { isUniqueViolation } from "../../../db/errors.js";
import { ConflictError } from "../../../errors.js";

/** Runs a write that may hit a unique slug, answering a taken slug as a ConflictError. */
export async function withUniqueSlug<T>(slug: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The slug "${slug}" is taken`);
    throw error;
  }
}
