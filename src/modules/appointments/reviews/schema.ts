import "./appointment-review.type.js";
import "./review-appointment.mutation.js";
import "./specialist-review-summary.field.js";
import "./specialist-reviews.field.js";
