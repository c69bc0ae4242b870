import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";

export const WebhookDisabledReasonEnum = builder.enumType("WebhookDisabledReason", {
  values: {
    manual: { description: "Switched off through the API." },
    gone: { description: "The endpoint answered 410 Gone." },
    failing: { description: "Too many messages in a row failed (WEBHOOK_MAX_CONSECUTIVE_FAILURES)." },
  },
});

export const WebhookSubscriptionRef = builder.prismaNode("WebhookSubscription", {
  id: { field: "id" },
  // node(id:) answers null, not an error, for an id row-level security hides (another organization's).
  nullable: true,
  description:
    "An endpoint of the organization that receives its events. Its signing secret is shown only when created or rotated.",
  authScopes: { orgRole: managerRoles },
  fields: (t) => ({
    url: t.exposeString("url"),
    description: t.exposeString("description", { nullable: true }),
    eventTypes: t.exposeStringList("eventTypes", { description: "The event types it receives; empty: every type." }),
    enabled: t.exposeBoolean("enabled"),
    disabledReason: t.expose("disabledReason", { type: WebhookDisabledReasonEnum, nullable: true }),
    disabledAt: t.expose("disabledAt", { type: "DateTime", nullable: true }),
    consecutiveFailures: t.exposeInt("consecutiveFailures", {
      description: "Messages in a row that failed for good; a delivered message resets it.",
    }),
    previousSecretExpiresAt: t.expose("previousSecretExpiresAt", {
      type: "DateTime",
      nullable: true,
      description: "After a rotation, messages are signed with the previous secret too until then.",
    }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    updatedAt: t.expose("updatedAt", { type: "DateTime" }),
  }),
});
