import type { Prisma } from "../../../../db/prisma.js";
import type { ScheduledSpecialist } from "../availability/calendar-availability.js";

const DAY = 86_400_000;
/** Assignments older than this no longer weigh on fairness. */
export const RECENT_ASSIGNMENT_DAYS = 30;

/**
 * The order in which automatic assignment offers a calendar's free specialists: fewest recent
 * assignments per unit of weight first (weighted round-robin), then the one assigned least
 * recently (never before: first), then the order they joined the calendar, then id. Takes a
 * per-calendar lock for the rest of the transaction, so concurrent assignments see each other.
 */
export async function fairOrder(
  tx: Prisma.TransactionClient,
  calendarId: string,
  candidates: ScheduledSpecialist[],
  now: number,
): Promise<ScheduledSpecialist[]> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`assignment:${calendarId}`}, 0))`;
  const recent = await tx.specialistAssignmentTracking.groupBy({
    by: ["specialistId"],
    where: { calendarId, assignedAt: { gte: new Date(now - RECENT_ASSIGNMENT_DAYS * DAY) } },
    _count: { _all: true },
    _max: { assignedAt: true },
  });
  const stats = new Map(
    recent.map((r) => [r.specialistId, { count: r._count._all, last: r._max.assignedAt?.getTime() ?? 0 }]),
  );
  const ranked = candidates.map((specialist) => {
    const s = stats.get(specialist.id);
    return { specialist, load: (s?.count ?? 0) / specialist.weight, last: s?.last ?? Number.NEGATIVE_INFINITY };
  });
  ranked.sort(
    (a, b) =>
      a.load - b.load ||
      a.last - b.last ||
      a.specialist.addedAt.getTime() - b.specialist.addedAt.getTime() ||
      (a.specialist.id < b.specialist.id ? -1 : 1),
  );
  return ranked.map((r) => r.specialist);
}

/** Records that a specialist was assigned automatically (for a hold; booking without a hold records its own). */
export function recordAssignment(
  tx: Prisma.TransactionClient,
  assignment: { organizationId: string; calendarId: string; specialistId: string; holdToken: string | null },
) {
  return tx.specialistAssignmentTracking.createMany({ data: assignment });
}
