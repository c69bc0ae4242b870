import type { Prisma } from "../../../db/prisma.js";
import { type Actor, organizationIdOf } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { newSigningSecrets } from "./signing-secrets.js";

export interface CreateWebhookSubscription {
  url: string;
  eventTypes?: string[] | null;
  description?: string | null;
}

/**
 * Adds a webhook endpoint to the actor's organization; the value carries its signing secret,
 * shown this once. Check the URL with `assertPublicEndpoint` first (a DNS lookup, kept out of
 * the transaction).
 */
export async function createWebhookSubscription(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: CreateWebhookSubscription,
  integrationsKey: Buffer,
) {
  const { secret, stored } = newSigningSecrets(integrationsKey);
  const subscription = await tx.webhookSubscription.create({
    data: {
      organizationId: organizationIdOf(actor),
      url: input.url,
      eventTypes: input.eventTypes ?? [],
      description: input.description || null,
      ...stored,
    },
  });
  return {
    value: { subscription, secret },
    audit: {
      action: "webhook_subscription.create",
      entityType: "WebhookSubscription",
      entityId: subscription.id,
      after: subscription,
    },
  } satisfies Audited<{ subscription: typeof subscription; secret: string }>;
}
