import { builder } from "../../graphql/builder.js";
import { managerRoles } from "../../identity/roles.js";

export const WebhookEventRef = builder.prismaNode("DomainEvent", {
  name: "WebhookEvent",
  id: { field: "id" },
  // node(id:) answers null, not an error, for an id row-level security hides (another organization's).
  nullable: true,
  description: "An event of the organization: the message webhooks deliver, as `{ type, timestamp, data }`.",
  authScopes: { orgRole: managerRoles },
  fields: (t) => ({
    webhookId: t.exposeString("id", {
      description: "The message id: the `webhook-id` header, the same on every attempt and replay.",
    }),
    type: t.exposeString("type"),
    version: t.exposeInt("version", { description: "Version of the type's payload schema (see `webhookEventTypes`)." }),
    data: t.expose("data", { type: "JSON" }),
    timestamp: t.expose("createdAt", { type: "DateTime", description: "When it happened: the body's `timestamp`." }),
  }),
});
