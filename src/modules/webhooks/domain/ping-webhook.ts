import { encodeGlobalID } from "@pothos/plugin-relay";
import type { Prisma } from "../../../db/prisma.js";
import { recordEvent } from "../../../events/index.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { scheduleDelivery } from "../tasks/deliver-webhooks.task.js";
import { findSubscription } from "./subscriptions.js";

/** Sends a `webhook.ping` message to one endpoint (even a disabled one), once, changing nothing of it. */
export async function pingWebhook(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const subscription = await findSubscription(tx, id);
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
  } satisfies Audited<typeof event>;
}
