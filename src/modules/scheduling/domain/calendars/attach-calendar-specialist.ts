import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { findSpecialist } from "../../../specialists/index.js";

export interface AttachCalendarSpecialist {
  calendarId: string;
  specialistId: string;
  /** Share of automatic assignments, 1-100; unset: 1 for a new link, unchanged for an existing one. */
  weight?: number | null;
}

/** Offers a specialist on a calendar, or changes their weight when already there. */
export async function attachCalendarSpecialist(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  input: AttachCalendarSpecialist,
) {
  const calendar = await tx.calendar.findUnique({ where: { id: input.calendarId } });
  if (!calendar) throw new NotFoundError("Calendar");
  const specialist = await findSpecialist(tx, input.specialistId);
  const key = { calendarId: calendar.id, specialistId: specialist.id };
  const link = await tx.calendarSpecialist.upsert({
    where: { calendarId_specialistId: key },
    create: { ...key, organizationId: calendar.organizationId, weight: input.weight ?? 1 },
    update: { weight: input.weight ?? undefined },
  });
  return {
    value: calendar,
    audit: { action: "calendar.attach_specialist", entityType: "Calendar", entityId: calendar.id, after: link },
  } satisfies Audited<typeof calendar>;
}
