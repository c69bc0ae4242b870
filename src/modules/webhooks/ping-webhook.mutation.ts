import { encodeGlobalID } from "@pothos/plugin-relay";
import { NotFoundError } from "../../errors.js";
import { recordEvent } from "../../events/index.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { scheduleDelivery } from "./deliver-webhooks.task.js";
import { findSubscription } from "./subscriptions.js";
import { WebhookEventRef } from "./webhook-event.type.js";
import { WebhookSubscriptionRef } from "./webhook-subscription.type.js";

builder.mutationField("pingWebhook", (t) =>
  t.field({
    type: WebhookEventRef,
    description:
      "Sends a `webhook.ping` message to one endpoint (even a disabled one), once: its delivery shows whether the endpoint receives and answers. It never changes the endpoint's state.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: WebhookSubscriptionRef }) },
    resolve: (_root, { id }, ctx) =>
      audited(ctx, async (tx) => {
        const subscription = await findSubscription(tx, id.id);
        const event = await recordEvent(tx, subscription.organizationId, "webhook.ping", {
          subscriptionId: encodeGlobalID("WebhookSubscription", subscription.id),
        });
        await scheduleDelivery(tx, {
          organizationId: subscription.organizationId,
          subscriptionId: subscription.id,
          eventId: event.id,
          trigger: "ping",
        });
        return {
          value: event,
          audit: {
            action: "webhook_subscription.ping",
            entityType: "WebhookSubscription",
            entityId: subscription.id,
            after: { eventId: event.id },
          },
        };
      }),
  }),
);
