import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { pingWebhook } from "../domain/ping-webhook.js";
import { WebhookEventRef } from "../types/webhook-event.type.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

builder.mutationField("pingWebhook", (t) =>
  t.field({
    type: WebhookEventRef,
    description:
      "Sends a `webhook.ping` message to one endpoint (even a disabled one), once: its delivery shows whether the endpoint receives and answers. It never changes the endpoint's state.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: WebhookSubscriptionRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => pingWebhook(tx, actor, id.id)),
  }),
);
