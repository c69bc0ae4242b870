import { isUniqueViolation } from "../../../db/errors.js";
import { ConflictError } from "../../../errors.js";

/** Runs a write that sets a product's SKU; one the organization already uses is a conflict. */
export async function withUniqueSku<T>(sku: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A product with SKU "${sku}" already exists`);
    throw error;
  }
}
