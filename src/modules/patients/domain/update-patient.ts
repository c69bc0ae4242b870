import { isUniqueViolation } from "../../../db/errors.js";
import type { Prisma } from "../../../db/prisma.js";
import { ConflictError } from "../../../errors.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { toDateColumn } from "./date-column.js";
import { lockLivePatient } from "./patients.js";
import { withoutSearchKeys } from "./search.js";

/** Only the fields given change; null clears email, phone and date of birth. */
export interface UpdatePatient {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  /** ISO date. */
  dateOfBirth?: string | null;
  timezone?: string | null;
  locale?: string | null;
}

/** Changes a live patient's profile (row-level security lets a patient user reach only their own). */
export async function updatePatient(tx: Prisma.TransactionClient, _actor: Actor, id: string, input: UpdatePatient) {
  try {
    const before = await lockLivePatient(tx, id);
    const after = await tx.patient.update({
      where: { id: before.id },
      data: {
        firstName: input.firstName ?? undefined,
        lastName: input.lastName ?? undefined,
        email: input.email,
        phone: input.phone,
        dateOfBirth: input.dateOfBirth === undefined ? undefined : input.dateOfBirth && toDateColumn(input.dateOfBirth),
        timezone: input.timezone ?? undefined,
        locale: input.locale ?? undefined,
      },
    });
    return {
      value: after,
      audit: {
        action: "patient.update",
        entityType: "Patient",
        entityId: after.id,
        before: withoutSearchKeys(before),
        after: withoutSearchKeys(after),
      },
    } satisfies Audited<typeof after>;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`A patient with the email ${input.email} already exists`);
    throw error;
  }
}
