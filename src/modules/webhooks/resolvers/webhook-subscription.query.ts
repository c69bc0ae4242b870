import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { WebhookSubscriptionRef } from "../types/webhook-subscription.type.js";

builder.queryField("webhookSubscription", (t) =>
  t.prismaField({
    type: WebhookSubscriptionRef,
    nullable: true,
    description: "A webhook endpoint of the active organization; null for any other id.",
    authScopes: { orgRole: managerRoles },
    args: { id: t.arg.globalID({ for: WebhookSubscriptionRef }) },
    resolve: (query, _root, { id }, { db }) => db.webhookSubscription.findUnique({ ...query, where: { id: id.id } }),
  }),
);
