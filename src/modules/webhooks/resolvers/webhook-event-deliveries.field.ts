import { builder } from "../../../graphql/builder.js";
import { newestFirst } from "../types/delivery-order.js";
import { WebhookEventRef } from "../types/webhook-event.type.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

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
