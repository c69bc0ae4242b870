import { NotFoundError } from "../../../errors.js";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { audited } from "../../../operation/audited.js";
import { deleteWebhookSubscription } from "../domain/delete-webhook-subscription.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

builder.mutationField("deleteWebhookSubscription", (t) =>
  t.field({
    type: WebhookSubscriptionRef,
    description: "Removes an endpoint and its delivery log; nothing more is sent to it.",
    authScopes: { orgRole: managerRoles },
    errors: { types: [NotFoundError] },
    args: { id: t.arg.globalID({ for: WebhookSubscriptionRef }) },
    resolve: (_root, { id }, ctx) => audited(ctx, (tx, actor) => deleteWebhookSubscription(tx, actor, id.id)),
  }),
);
