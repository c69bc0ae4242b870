import { isUniqueViolation } from "../../../db/errors.js";
import type { Prisma } from "../../../db/prisma.js";
import { ConflictError, NotFoundError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findSpecialist } from "../../specialists/index.js";
import { findSpecialty } from "./specialties.js";

export interface SpecialistSpecialty {
  specialistId: string;
  specialtyId: string;
}

/** Gives a specialist a specialty of the organization; twice is a conflict. */
export async function attachSpecialty(tx: Prisma.TransactionClient, _actor: Actor, input: SpecialistSpecialty) {
  const specialist = await findSpecialist(tx, input.specialistId);
  const specialty = await findSpecialty(tx, input.specialtyId);
  try {
    const link = await tx.specialistSpecialty.create({
      data: { organizationId: specialist.organizationId, specialistId: specialist.id, specialtyId: specialty.id },
    });
    return {
      value: specialist,
      audit: {
        action: "specialist.attach_specialty",
        entityType: "Specialist",
        entityId: specialist.id,
        after: { specialtyId: link.specialtyId },
      },
    } satisfies Audited<typeof specialist>;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("The specialist already has this specialty");
    throw error;
  }
}

/** Takes a specialty away from a specialist; one it does not have is not found. */
export async function detachSpecialty(tx: Prisma.TransactionClient, _actor: Actor, input: SpecialistSpecialty) {
  const specialist = await findSpecialist(tx, input.specialistId);
  const { count } = await tx.specialistSpecialty.deleteMany({
    where: { specialistId: specialist.id, specialtyId: input.specialtyId },
  });
  if (count === 0) throw new NotFoundError("SpecialistSpecialty");
  return {
    value: specialist,
    audit: {
      action: "specialist.detach_specialty",
      entityType: "Specialist",
      entityId: specialist.id,
      before: { specialtyId: input.specialtyId },
    },
  } satisfies Audited<typeof specialist>;
}
