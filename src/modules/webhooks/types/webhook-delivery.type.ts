import { builder } from "../../../graphql/builder.js";
import { managerRoles } from "../../../identity/roles.js";

const WebhookDeliveryTriggerEnum = builder.enumType("WebhookDeliveryTrigger", {
  values: {
    event: { description: "The event's own delivery and its retries." },
    replay: { description: "Sent again on request." },
    ping: { description: "A test message; one attempt." },
  },
});

const WebhookDeliveryStatusEnum = builder.enumType("WebhookDeliveryStatus", {
  values: {
    pending: { description: "Scheduled: made once `dueAt` has come." },
    succeeded: { description: "The endpoint answered 2xx." },
    retrying: { description: "Failed; another attempt is scheduled at `nextAttemptAt`." },
    failed: { description: "Failed for good." },
  },
});

export const WebhookDeliveryRef = builder.prismaNode("WebhookDelivery", {
  id: { field: "id" },
  // node(id:) answers null, not an error, for an id row-level security hides (another organization's).
  nullable: true,
  description: "One attempt to deliver an event to an endpoint: scheduled (`pending`), then made.",
  authScopes: { orgRole: managerRoles },
  fields: (t) => ({
    subscription: t.relation("subscription"),
    event: t.relation("event"),
    trigger: t.expose("trigger", { type: WebhookDeliveryTriggerEnum }),
    attempt: t.exposeInt("attempt", { description: "1 for the first attempt of a delivery or replay, then 2, 3..." }),
    status: t.expose("status", { type: WebhookDeliveryStatusEnum }),
    dueAt: t.expose("dueAt", { type: "DateTime", description: "When the attempt may be made." }),
    attemptedAt: t.expose("attemptedAt", { type: "DateTime", nullable: true, description: "Null while pending." }),
    statusCode: t.exposeInt("statusCode", { nullable: true, description: "Null when no answer came." }),
    durationMs: t.exposeInt("durationMs", { nullable: true }),
    responseExcerpt: t.exposeString("responseExcerpt", {
      nullable: true,
      description: "The start of the response body (at most 1 KiB).",
    }),
    error: t.exposeString("error", {
      nullable: true,
      description: "Why it failed: timeout, connection error, redirect...",
    }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime", description: "When the attempt was scheduled." }),
  }),
});
