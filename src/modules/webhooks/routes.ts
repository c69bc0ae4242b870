import { listRoute, mutationRoute, queryRoute, type V1Route, withinActiveOrganization } from "../../http/v1/route.js";

const subscription =
  "id url description eventTypes enabled disabledReason disabledAt consecutiveFailures previousSecretExpiresAt createdAt updatedAt";
const withSecret = `secret subscription { ${subscription} }`;
const event = "id webhookId type version data timestamp";
const delivery =
  "id event { id webhookId type } trigger attempt status dueAt attemptedAt statusCode durationMs responseExcerpt error nextAttemptAt createdAt";

/** Webhook management. `:id` is the organization's id; the other ids are those GraphQL gives. */
export const webhookRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/webhook-event-types",
    document: "query WebhookEventTypes { webhookEventTypes { name version description subscribable payloadSchema } }",
    body: (types) => ({ data: types }),
  },
  listRoute({
    path: "/v1/organizations/:id/webhooks",
    connection: "organization.webhookSubscriptions",
    args: { id: "ID!" },
    select: subscription,
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations/:id/webhooks",
    status: 201,
    mutation: "createWebhookSubscription",
    args: { input: "CreateWebhookSubscriptionInput!" },
    select: withSecret,
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id } }),
  }),
  queryRoute({
    path: "/v1/organizations/:id/webhooks/:webhookId",
    within: withinActiveOrganization,
    query: "webhookSubscription",
    args: { id: "ID!" },
    select: subscription,
    variables: ({ params }) => ({ id: params.webhookId }),
  }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/organizations/:id/webhooks/:webhookId",
    within: withinActiveOrganization,
    mutation: "updateWebhookSubscription",
    args: { id: "ID!", input: "UpdateWebhookSubscriptionInput!" },
    select: subscription,
    variables: ({ params, body }) => ({ id: params.webhookId, input: body }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/organizations/:id/webhooks/:webhookId",
    within: withinActiveOrganization,
    status: 204,
    mutation: "deleteWebhookSubscription",
    args: { id: "ID!" },
    select: "id",
    variables: ({ params }) => ({ id: params.webhookId }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/rotate-secret",
    within: withinActiveOrganization,
    mutation: "rotateWebhookSecret",
    args: { input: "RotateWebhookSecretInput!" },
    select: withSecret,
    variables: ({ params, body }) => ({ input: { ...body, id: params.webhookId } }),
  }),
  listRoute({
    path: "/v1/organizations/:id/webhooks/:webhookId/deliveries",
    within: withinActiveOrganization,
    connection: "webhookSubscription.deliveries",
    args: { id: "ID!", eventId: "ID" },
    params: { eventId: "string" },
    select: delivery,
    variables: ({ params }) => ({ id: params.webhookId }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/ping",
    within: withinActiveOrganization,
    status: 202,
    mutation: "pingWebhook",
    args: { id: "ID!" },
    select: event,
    variables: ({ params }) => ({ id: params.webhookId }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/replay",
    within: withinActiveOrganization,
    status: 202,
    mutation: "replayWebhookEvents",
    args: { input: "ReplayWebhookEventsInput!" },
    select: "events",
    variables: ({ params, body }) => ({ input: { ...body, subscriptionId: params.webhookId } }),
  }),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/events/:eventId/replay",
    within: withinActiveOrganization,
    status: 202,
    mutation: "replayWebhookEvent",
    args: { input: "ReplayWebhookEventInput!" },
    select: event,
    variables: ({ params }) => ({ input: { subscriptionId: params.webhookId, eventId: params.eventId } }),
  }),
  listRoute({
    path: "/v1/organizations/:id/webhook-events",
    connection: "organization.webhookEvents",
    args: { id: "ID!", type: "String", since: "DateTime" },
    params: { type: "string", since: "string" },
    select: event,
  }),
  queryRoute({
    path: "/v1/organizations/:id/webhook-events/:eventId",
    within: withinActiveOrganization,
    query: "webhookEvent",
    args: { id: "ID!" },
    select: event,
    variables: ({ params }) => ({ id: params.eventId }),
  }),
];
