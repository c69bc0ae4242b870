import type { Prisma } from "../../../db/prisma.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { rotateSigningSecrets } from "./signing-secrets.js";
import { findSubscription } from "./subscriptions.js";

/** Replaces an endpoint's signing secret; for `gracePeriodMs` messages carry a signature with each. */
export async function rotateWebhookSecret(
  tx: Prisma.TransactionClient,
  _actor: Actor,
  input: { id: string; gracePeriodMs: number },
  integrationsKey: Buffer,
) {
  const before = await findSubscription(tx, input.id);
  const { secret, stored } = rotateSigningSecrets(integrationsKey, before, input.gracePeriodMs);
  const after = await tx.webhookSubscription.update({ where: { id: before.id }, data: stored });
  return {
    value: { subscription: after, secret },
    audit: {
      action: "webhook_subscription.rotate_secret",
      entityType: "WebhookSubscription",
      entityId: after.id,
      before,
      after,
    },
  } satisfies Audited<{ subscription: typeof after; secret: string }>;
}
