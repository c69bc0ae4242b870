import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findSubscription } from "./subscriptions.js";

/** Removes an endpoint and its delivery log; nothing more is sent to it. */
export async function deleteWebhookSubscription(tx: Prisma.TransactionClient, _actor: Actor, id: string) {
  const before = await findSubscription(tx, id);
  await tx.webhookSubscription.delete({ where: { id: before.id } });
  return {
    value: before,
    audit: { action: "webhook_subscription.delete", entityType: "WebhookSubscription", entityId: before.id, before },
  } satisfies Audited<typeof before>;
}
