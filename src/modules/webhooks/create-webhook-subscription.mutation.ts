import { NotFoundError } from "../../errors.js";
import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";
import { audited } from "../../operation/audited.js";
import { activeOrganization } from "../organizations/active-organization.js";
import { OrganizationRef } from "../organizations/organization.type.js";
import { newSigningSecrets } from "./signing-secrets.js";
import { assertPublicEndpoint, webhookFields } from "./subscriptions.js";
import { WebhookSubscriptionWithSecretRef } from "./webhook-subscription-secret.type.js";

const CreateWebhookSubscriptionInput = builder.inputType("CreateWebhookSubscriptionInput", {
  fields: (t) => ({
    organizationId: t.globalID({ for: OrganizationRef }),
    url: t.string({ validate: webhookFields.url, description: "Where to POST messages (http or https)." }),
    eventTypes: t.stringList({
      required: false,
      validate: webhookFields.eventTypes,
      description: "Event types to receive (names from `webhookEventTypes`); empty or omitted: every type.",
    }),
    description: t.string({ required: false, validate: webhookFields.description }),
  }),
});

builder.mutationField("createWebhookSubscription", (t) =>
  t.field({
    type: WebhookSubscriptionWithSecretRef,
    description: "Adds a webhook endpoint. The answer carries its signing secret, shown this once.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { input: t.arg({ type: CreateWebhookSubscriptionInput }) },
    resolve: async (_root, { input }, ctx) => {
      const organizationId = activeOrganization(ctx, input.organizationId.id);
      await assertPublicEndpoint(ctx, input.url);
      const { secret, stored } = newSigningSecrets(ctx.services.config.integrationsKey);
      return audited(ctx, async (tx) => {
        const subscription = await tx.webhookSubscription.create({
          data: {
            organizationId,
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
        };
      });
    },
  }),
);
