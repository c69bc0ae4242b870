import { builder } from "../../../../graphql/builder.js";
import { staffRoles } from "../../../../identity/roles.js";
import { SpecialistRef } from "../../../specialists/index.js";

interface ReviewSummary {
  count: number;
  /** Null without reviews. */
  averageRating: number | null;
}

const ReviewSummaryRef = builder.objectRef<ReviewSummary>("ReviewSummary").implement({
  description: "How a specialist's patients rated their appointments.",
  fields: (t) => ({
    count: t.exposeInt("count"),
    averageRating: t.exposeFloat("averageRating", { nullable: true, description: "Null without reviews." }),
  }),
});

builder.objectField(SpecialistRef, "reviewSummary", (t) =>
  t.loadable({
    type: ReviewSummaryRef,
    description: "Count and average rating of the specialist's reviews. Staff only.",
    authScopes: { orgRole: staffRoles },
    // One grouped query for every specialist of a list, not one per specialist.
    load: async (specialistIds: string[], ctx) => {
      const groups = await ctx.db.appointmentReview.groupBy({
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
    },
    resolve: (specialist) => specialist.id,
  }),
);
