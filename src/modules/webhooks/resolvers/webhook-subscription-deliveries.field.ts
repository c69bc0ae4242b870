import { builder } from "../../../graphql/builder.js";
import { newestFirst } from "../types/delivery-order.js";
import { WebhookEventRef } from "../types/webhook-event.type.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

builder.prismaObjectField(WebhookSubscriptionRef, "deliveries", (t) =>
  t.relatedConnection("deliveries", {
    cursor: "id",
    description: "Delivery attempts to this endpoint, newest first.",
    args: { eventId: t.arg.globalID({ for: WebhookEventRef, required: false, description: "Only this event's." }) },
    query: ({ eventId }) => ({ where: eventId ? { eventId: eventId.id } : {}, orderBy: newestFirst }),
  }),
);
