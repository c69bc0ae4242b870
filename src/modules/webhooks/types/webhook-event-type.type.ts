import { z } from "zod";
import { eventCatalog, eventTypes } from "../../../events/index.js";
import { builder } from "../../../graphql/builder.js";
import { subscribableEventTypes } from "../domain/subscriptions.js";

interface EventTypeEntry {
  name: string;
  version: number;
  description: string;
  subscribable: boolean;
  payload: z.ZodType;
}

/** The catalog as GraphQL lists it, in catalog order. */
export const eventTypeEntries: EventTypeEntry[] = eventTypes.map((name) => ({
  name,
  ...eventCatalog[name],
  subscribable: (subscribableEventTypes as string[]).includes(name),
}));

export const WebhookEventTypeRef = builder.objectRef<EventTypeEntry>("WebhookEventType").implement({
  description: "One kind of event the product emits, as webhooks deliver it.",
  fields: (t) => ({
    name: t.exposeString("name", { description: "The message's `type`, e.g. `appointment.booked`." }),
    version: t.exposeInt("version", {
      description: "Version of the payload schema; bumped by changes that could break a receiver.",
    }),
    description: t.exposeString("description"),
    subscribable: t.exposeBoolean("subscribable", {
      description: "Whether an endpoint can choose it (`webhook.ping` is only sent by `pingWebhook`).",
    }),
    payloadSchema: t.field({
      type: "JSON",
      description: "JSON Schema (draft 2020-12) of the message's `data`.",
      resolve: (entry) => z.toJSONSchema(entry.payload),
    }),
  }),
});
