import type { Prisma } from "../../../db/prisma.js";
import { linkAccount } from "../../../identity/account-links.js";
import type { Actor } from "../../../operation/actor.js";
import { findSpecialist } from "./specialists.js";

export interface LinkSpecialistUser {
  specialistId: string;
  /** A member of the organization with any role but patient; null unlinks. */
  userId: string | null;
}

/** Links the user account that signs in as the specialist (one profile per user), or unlinks it. */
export async function linkSpecialistUser(tx: Prisma.TransactionClient, _actor: Actor, input: LinkSpecialistUser) {
  const specialist = await findSpecialist(tx, input.specialistId);
  return linkAccount(tx, input.userId, {
    entityType: "Specialist",
    record: specialist,
    refusal: (role) => (role === "patient" ? "A patient member cannot be a specialist" : null),
    write: (userId) => tx.specialist.update({ where: { id: specialist.id }, data: { userId } }),
    taken: "That user is already linked to another specialist",
  });
}
