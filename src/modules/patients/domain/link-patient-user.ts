import type { Prisma } from "../../../db/prisma.js";
import { linkAccount } from "../../../identity/account-links.js";
import type { Actor } from "../../../operation/actor.js";
import { lockLivePatient } from "./patients.js";

export interface LinkPatientUser {
  patientId: string;
  /** A member of the organization with the patient role; null unlinks. */
  userId: string | null;
}

/** Links the user account that signs in as the patient (one live patient per user), or unlinks it. */
export async function linkPatientUser(tx: Prisma.TransactionClient, _actor: Actor, input: LinkPatientUser) {
  const patient = await lockLivePatient(tx, input.patientId);
  return linkAccount(tx, input.userId, {
    entityType: "Patient",
    record: patient,
    refusal: (role) => (role === "patient" ? null : `That user is a member with the ${role} role, not a patient`),
    write: (userId) => tx.patient.update({ where: { id: patient.id }, data: { userId } }),
    taken: "That user is already linked to another patient",
  });
}
