import "./types/appointment-review.type.js";
import "./resolvers/review-appointment.mutation.js";
import "./resolvers/specialist-review-summary.field.js";
import "./resolvers/specialist-reviews.field.js";
