import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findSubscription } from "./subscriptions.js";

/** Only the fields given change; an empty description clears it. */
export interface UpdateWebhookSubscription {
  url?: string | null;
  eventTypes?: string[] | null;
  description?: string | null;
  enabled?: boolean | null;
}

/**
 * Changes an endpoint. Re-enabling a disabled one resets its failure count. Check a new URL
 * with `assertPublicEndpoint` first.
 */
export async function updateWebhookSubscription(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  id: string,
  input: UpdateWebhookSubscription,
) {
  const before = await findSubscription(tx, id);
  const switched = input.enabled != null && input.enabled !== before.enabled;
  const after = await tx.webhookSubscription.update({
    where: { id: before.id },
    data: {
      url: input.url ?? undefined,
      eventTypes: input.eventTypes ?? undefined,
      description: input.description == null ? undefined : input.description || null,
      ...(switched && input.enabled
        ? { enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0 }
        : {}),
      ...(switched && !input.enabled ? { enabled: false, disabledReason: "manual", disabledAt: new Date() } : {}),
    },
  });
  return {
    value: after,
    audit: {
      action: "webhook_subscription.update",
      entityType: "WebhookSubscription",
      entityId: after.id,
      before,
      after,
    },
  } satisfies Audited<typeof after>;
}
