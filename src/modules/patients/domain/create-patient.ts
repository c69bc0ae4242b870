import { isUniqueViolation } from "../../../db/errors.js";
import type { Prisma } from "../../../db/prisma.js";
import { ConflictError } from "../../../errors.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { toDateColumn } from "./date-column.js";
import { createPatientRecord } from "./patients.js";
import { withoutSearchKeys } from "./search.js";

export interface CreatePatient {
  firstName: string;
  lastName: string;
  email?: string | null;
  phone?: string | null;
  /** ISO date, e.g. 1990-04-23. */
  dateOfBirth?: string | null;
  /** Default to the organization's. */
  timezone?: string | null;
  locale?: string | null;
}

/** Adds a patient to the actor's organization; a live patient with the same email is a conflict. */
export async function createPatient(tx: Prisma.TransactionClient, actor: Actor, input: CreatePatient) {
  try {
    const patient = await createPatientRecord(tx, organizationIdOf(actor), {
      firstName: input.firstName,
      lastName: input.lastName,
      email: input.email ?? null,
      phone: input.phone ?? null,
      dateOfBirth: input.dateOfBirth ? toDateColumn(input.dateOfBirth) : null,
      timezone: input.timezone,
      locale: input.locale,
    });
    return {
      value: patient,
      audit: {
        action: "patient.create",
        entityType: "Patient",
        entityId: patient.id,
        after: withoutSearchKeys(patient),
      },
    } satisfies Audited<typeof patient>;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A patient with the email ${input.email} already exists`);
    throw error;
  }
}
