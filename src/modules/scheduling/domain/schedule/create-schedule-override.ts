import { isUniqueViolation } from "../../../../db/errors.js";
import type { Prisma } from "../../../../db/prisma.js";
import { ConflictError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { findSpecialist } from "../../../specialists/index.js";
import { assertMayEditSchedule } from "../permissions.js";
import { toDayRange } from "./time-ranges.js";

export interface CreateScheduleOverride {
  specialistId: string;
  /** `YYYY-MM-DD` in the specialist's time zone (validated). */
  date: string;
  /** The hours of that date instead of the weekly ones (`HH:MM`, validated); empty: unavailable all day. */
  ranges: { start: string; end: string }[];
  reason?: string | null;
}

/** Makes a date unavailable for a specialist, or gives it other hours; a second override of a date is a conflict. */
export async function createScheduleOverride(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: CreateScheduleOverride,
) {
  const specialist = await findSpecialist(tx, input.specialistId);
  assertMayEditSchedule(actor, specialist);
  try {
    const created = await tx.specialistScheduleOverride.create({
      data: {
        organizationId: specialist.organizationId,
        specialistId: specialist.id,
        date: new Date(`${input.date}T00:00:00Z`),
        ranges: input.ranges.map(toDayRange) as unknown as Prisma.InputJsonValue,
        reason: input.reason ?? null,
      },
    });
    return {
      value: created,
      audit: {
        action: "schedule_override.create",
        entityType: "ScheduleOverride",
        entityId: created.id,
        after: created,
      },
    } satisfies Audited<typeof created>;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(`The specialist already has an override on ${input.date}`);
    throw error;
  }
}
