import { builder } from "../../../graphql/builder.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";

interface Replay {
  subscription: { id: string };
  events: number;
}

export const WebhookReplayRef = builder.objectRef<Replay>("WebhookReplay").implement({
  fields: (t) => ({
    subscription: t.field({ type: WebhookSubscriptionRef, resolve: (r) => r.subscription as never }),
    events: t.exposeInt("events", { description: "How many events are queued to be sent again." }),
  }),
});
