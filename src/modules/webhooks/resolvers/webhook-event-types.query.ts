import { builder } from "../../../graphql/builder.js";
import { eventTypeEntries, WebhookEventTypeRef } from "../types/webhook-event-type.type.js";

builder.queryField("webhookEventTypes", (t) =>
  t.field({
    type: [WebhookEventTypeRef],
    description: "The event catalog: every event type webhooks deliver, with its payload schema.",
    authScopes: { authenticated: true },
    resolve: () => eventTypeEntries,
  }),
);
