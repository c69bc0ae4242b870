import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";
import { WebhookEventRef } from "../types/webhook-event.type.js";

builder.queryField("webhookEvent", (t) =>
  t.prismaField({
    type: WebhookEventRef,
    nullable: true,
    description: "An event of the active organization; null for any other id.",
    authScopes: { orgRole: managerRoles },
    args: { id: t.arg.globalID({ for: WebhookEventRef }) },
    resolve: (query, _root, { id }, { db }) => db.domainEvent.findUnique({ ...query, where: { id: id.id } }),
  }),
);
