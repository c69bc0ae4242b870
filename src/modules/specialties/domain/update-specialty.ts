import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findSpecialty, withUniqueName } from "./specialties.js";

/** Only the fields given change; null clears the description. */
export interface UpdateSpecialty {
  name?: string | null;
  description?: string | null;
}

export function updateSpecialty(tx: Prisma.TransactionClient, _actor: Actor, id: string, input: UpdateSpecialty) {
  return withUniqueName(input.name, async () => {
    const before = await findSpecialty(tx, id);
    const after = await tx.specialty.update({
      where: { id: before.id },
      data: { name: input.name ?? undefined, description: input.description },
    });
    return {
      value: after,
      audit: { action: "specialty.update", entityType: "Specialty", entityId: after.id, before, after },
    } satisfies Audited<typeof after>;
  });
}
