import type { Prisma } from "../../../db/prisma.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { withUniqueName } from "./specialties.js";

export interface CreateSpecialty {
  name: string;
  description?: string | null;
}

/** Adds a specialty to the actor's organization; a name it already uses is a conflict. */
export function createSpecialty(tx: Prisma.TransactionClient, actor: Actor, input: CreateSpecialty) {
  return withUniqueName(input.name, async () => {
    const specialty = await tx.specialty.create({
      data: { organizationId: organizationIdOf(actor), name: input.name, description: input.description ?? null },
    });
    return {
      value: specialty,
      audit: { action: "specialty.create", entityType: "Specialty", entityId: specialty.id, after: specialty },
    } satisfies Audited<typeof specialty>;
  });
}
