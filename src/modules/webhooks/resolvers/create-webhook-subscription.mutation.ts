import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { activeOrganization } from "../../organizations/active-organization.js";
import { OrganizationRef } from "../../organizations/organization.type.js";
import { createWebhookSubscription } from "../domain/create-webhook-subscription.js";
import { assertPublicEndpoint, webhookFields } from "../domain/subscriptions.js";
import { WebhookSubscriptionWithSecretRef } from "../types/webhook-subscription-secret.type.js";

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
      activeOrganization(ctx, input.organizationId.id);
      await assertPublicEndpoint(ctx.services.config.webhooks, input.url);
      return audited(ctx, (tx, actor) =>
        createWebhookSubscription(tx, actor, input, ctx.services.config.integrationsKey),
      );
    },
  }),
);
