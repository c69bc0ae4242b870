import { isUniqueViolation } from "../../../db/errors.js";
import { ConflictError, ValidationError } from "../../../errors.js";
import { type Pricing, priceProblem } from "./pricing.js";

/** A price too large to return is refused before anything is written. */
export function assertPriceFits(pricing: Pricing, minutes: number) {
  const problem = priceProblem(pricing, minutes);
  if (problem) throw ValidationError.fromIssues([{ path: ["pricing"], message: problem }], ["input"]);
}

/** Runs a write that sets a service's name; a name the organization already uses is a conflict. */
export async function withUniqueServiceName<T>(name: string | null | undefined, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A service named "${name}" already exists`);
    throw error;
  }
}
