import { builder } from "../../../../graphql/builder.js";
import type { ReviewSummary } from "../domain/review-summaries.js";

export const ReviewSummaryRef = builder.objectRef<ReviewSummary>("ReviewSummary").implement({
  description: "How a specialist's patients rated their appointments.",
  fields: (t) => ({
    count: t.exposeInt("count"),
    averageRating: t.exposeFloat("averageRating", { nullable: true, description: "Null without reviews." }),
  }),
});
