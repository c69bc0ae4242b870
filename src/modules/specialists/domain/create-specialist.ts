import type { Prisma } from "../../../db/prisma.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";

export interface CreateSpecialist {
  firstName: string;
  lastName: string;
  email?: string | null;
  /** Defaults to the organization's. */
  timezone?: string | null;
  bio?: string | null;
  /** Defaults to true. */
  active?: boolean | null;
}

/** Adds a specialist to the actor's organization. */
export async function createSpecialist(tx: Prisma.TransactionClient, actor: Actor, input: CreateSpecialist) {
  const organizationId = organizationIdOf(actor);
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
  const specialist = await tx.specialist.create({
    data: {
      organizationId,
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      timezone: input.timezone ?? organization.timezone,
      bio: input.bio ?? null,
      active: input.active ?? true,
    },
  });
  return {
    value: specialist,
    audit: { action: "specialist.create", entityType: "Specialist", entityId: specialist.id, after: specialist },
  } satisfies Audited<typeof specialist>;
}
