import { builder } from "../../../../graphql/builder.js";
import { staffRoles } from "../../../../identity/roles.js";
import { SpecialistRef } from "../../../specialists/index.js";
import { reviewSummaries } from "../domain/review-summaries.js";
import { ReviewSummaryRef } from "../types/review-summary.type.js";

builder.objectField(SpecialistRef, "reviewSummary", (t) =>
  t.loadable({
    type: ReviewSummaryRef,
    description: "Count and average rating of the specialist's reviews. Staff only.",
    authScopes: { orgRole: staffRoles },
    // One grouped query for every specialist of a list, not one per specialist.
    load: (specialistIds: string[], ctx) => reviewSummaries(ctx.db, specialistIds),
    resolve: (specialist) => specialist.id,
  }),
);
