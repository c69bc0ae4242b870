import type { Prisma } from "../../../../db/prisma.js";

/** How a specialist's patients rated their appointments. */
export interface ReviewSummary {
  count: number;
  /** Null without reviews. */
  averageRating: number | null;
}

/** The review summary of each specialist, in the order asked: one grouped query for a whole list. */
export async function reviewSummaries(
  db: Pick<Prisma.TransactionClient, "appointmentReview">,
  specialistIds: string[],
): Promise<ReviewSummary[]> {
  const groups = await db.appointmentReview.groupBy({
    by: ["specialistId"],
    where: { specialistId: { in: specialistIds } },
    _count: { _all: true },
    _avg: { rating: true },
  });
  const bySpecialist = new Map(groups.map((g) => [g.specialistId, g]));
  return specialistIds.map((id): ReviewSummary => {
    const group = bySpecialist.get(id);
    return { count: group?._count._all ?? 0, averageRating: group?._avg.rating ?? null };
  });
}
