import "./types/appointment-review.type.js";
import "./types/review-appointment-input.js";
import "./types/review-summary.type.js";
import "./resolvers/appointment-review.field.js";
import "./resolvers/review-appointment.mutation.js";
import "./resolvers/specialist-review-summary.field.js";
import "./resolvers/specialist-reviews.field.js";
