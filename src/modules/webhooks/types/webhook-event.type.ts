import { encodeGlobalID } from "@pothos/plugin-relay";
import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";

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
    requestId: t.exposeString("requestId", {
      nullable: true,
      description: "The request that caused it (its `x-request-id`, as the audit log names it); null when a job did.",
    }),
    causeEventId: t.id({
      nullable: true,
      description: "The event whose handling caused it (e.g. the message whose failed delivery disabled an endpoint).",
      resolve: (event) => (event.causeEventId ? encodeGlobalID("WebhookEvent", event.causeEventId) : null),
    }),
    depth: t.exposeInt("depth", {
      description: "Steps from the request or job that started its chain of events: 0, or its cause's depth + 1.",
    }),
  }),
});
