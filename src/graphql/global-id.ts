import { PothosValidationError } from "@pothos/core";
import { decodeGlobalID } from "@pothos/plugin-relay";
import { z } from "zod";

const uuid = z.uuid();

/**
 * Decodes a global id (`base64("Type:id")`) for every argument and `node` lookup. Every table
 * is keyed by a uuid, so an id that is not one is refused here as bad input (400), as a
 * malformed global id is, instead of reaching SQL where PostgreSQL would reject it (500).
 */
export function decodeUuidGlobalID(globalID: string): { typename: string; id: string } {
  const decoded = decodeGlobalID(globalID);
  if (!uuid.safeParse(decoded.id).success) throw new PothosValidationError(`Invalid global ID: ${globalID}`);
  return decoded;
}
