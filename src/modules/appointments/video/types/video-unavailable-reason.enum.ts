import { builder } from "../../../../graphql/builder.js";

export const VideoUnavailableReasonEnum = builder.enumType("VideoUnavailableReason", {
  values: {
    NOT_TELEHEALTH: { description: "The appointment's service is not delivered by video." },
    NOT_ACTIVE: { description: "The appointment is cancelled, done or a no-show." },
    OUTSIDE_WINDOW: { description: "Too early or too late: see `opensAt` and `closesAt`." },
    NO_INTEGRATION: { description: "The organization has not set up its Daily.co integration." },
  } as const,
});
