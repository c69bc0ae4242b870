import type { Prisma } from "../../../../db/prisma.js";
import { NotFoundError } from "../../../../errors.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";

export interface DetachCalendarSpecialist {
  calendarId: string;
  specialistId: string;
}

/** Stops offering a specialist on a calendar; their appointments stay. */
export async function detachCalendarSpecialist(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  input: DetachCalendarSpecialist,
) {
  const key = { calendarId: input.calendarId, specialistId: input.specialistId };
  const link = await tx.calendarSpecialist.findUnique({
    where: { calendarId_specialistId: key },
    include: { calendar: true },
  });
  if (!link) throw new NotFoundError("CalendarSpecialist");
  await tx.calendarSpecialist.delete({ where: { calendarId_specialistId: key } });
  const { calendar, ...before } = link;
  return {
    value: calendar,
    audit: { action: "calendar.detach_specialist", entityType: "Calendar", entityId: calendar.id, before },
  } satisfies Audited<typeof calendar>;
}
