import { builder } from "../../graphql/builder.js";
import { WebhookEventRef } from "./webhook-event.type.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";

const newestFirst = [{ createdAt: "desc" as const }, { attempt: "desc" as const }, { id: "desc" as const }];

builder.prismaObjectField(WebhookSubscriptionRef, "deliveries", (t) =>
  t.relatedConnection("deliveries", {
    cursor: "id",
    description: "Delivery attempts to this endpoint, newest first.",
    args: { eventId: t.arg.globalID({ for: WebhookEventRef, required: false, description: "Only this event's." }) },
    query: ({ eventId }) => ({ where: eventId ? { eventId: eventId.id } : {}, orderBy: newestFirst }),
  }),
);

builder.prismaObjectField(WebhookEventRef, "deliveries", (t) =>
  t.relatedConnection("webhookDeliveries", {
    cursor: "id",
    description: "Delivery attempts of this event, newest first.",
    args: {
      subscriptionId: t.arg.globalID({
        for: WebhookSubscriptionRef,
        required: false,
        description: "Only to this endpoint.",
      }),
    },
    query: ({ subscriptionId }) => ({
      where: subscriptionId ? { subscriptionId: subscriptionId.id } : {},
      orderBy: newestFirst,
    }),
  }),
);
