import {
  connectionBody,
  connectionSelection,
  errorSelection,
  pageVariables,
  type V1Route,
  withinActiveOrganization,
} from "../../http/v1/route.js";

const subscription =
  "id url description eventTypes enabled disabledReason disabledAt consecutiveFailures previousSecretExpiresAt createdAt updatedAt";
const withSecret = `secret subscription { ${subscription} }`;
const event = "id webhookId type version data timestamp";
const delivery =
  "id event { id webhookId type } trigger attempt status dueAt attemptedAt statusCode durationMs responseExcerpt error nextAttemptAt createdAt";

/** A mutation document whose success payload is `data { <fields> }`. */
const mutation = (signature: string, call: string, payload: string, fields: string) =>
  `mutation ${signature} { ${call} { ${errorSelection} ... on ${payload} { data { ${fields} } } } }`;

const field = (name: string) => (value: unknown) => connectionBody((value as Record<string, unknown>)[name]);
const optional = (query: URLSearchParams, name: string) => query.get(name) ?? undefined;

/** Webhook management. `:id` is the organization's id; the other ids are those GraphQL gives. */
export const webhookRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/webhook-event-types",
    document: "query WebhookEventTypes { webhookEventTypes { name version description subscribable payloadSchema } }",
    body: (types) => ({ data: types }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/webhooks",
    document: `query OrganizationWebhooks($id: ID!, $first: Int, $after: String) {
      organization(id: $id) { webhookSubscriptions(first: $first, after: $after) { ${connectionSelection(subscription)} } }
    }`,
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: field("webhookSubscriptions"),
  },
  {
    method: "POST",
    path: "/v1/organizations/:id/webhooks",
    status: 201,
    document: mutation(
      "CreateWebhookSubscription($input: CreateWebhookSubscriptionInput!)",
      "createWebhookSubscription(input: $input)",
      "MutationCreateWebhookSubscriptionSuccess",
      withSecret,
    ),
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id } }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/webhooks/:webhookId",
    within: withinActiveOrganization,
    document: `query WebhookSubscription($id: ID!) { webhookSubscription(id: $id) { ${subscription} } }`,
    variables: ({ params }) => ({ id: params.webhookId }),
  },
  {
    method: "PATCH",
    path: "/v1/organizations/:id/webhooks/:webhookId",
    within: withinActiveOrganization,
    document: mutation(
      "UpdateWebhookSubscription($id: ID!, $input: UpdateWebhookSubscriptionInput!)",
      "updateWebhookSubscription(id: $id, input: $input)",
      "MutationUpdateWebhookSubscriptionSuccess",
      subscription,
    ),
    variables: ({ params, body }) => ({ id: params.webhookId, input: body }),
  },
  {
    method: "DELETE",
    path: "/v1/organizations/:id/webhooks/:webhookId",
    within: withinActiveOrganization,
    status: 204,
    document: mutation(
      "DeleteWebhookSubscription($id: ID!)",
      "deleteWebhookSubscription(id: $id)",
      "MutationDeleteWebhookSubscriptionSuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.webhookId }),
  },
  {
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/rotate-secret",
    within: withinActiveOrganization,
    document: mutation(
      "RotateWebhookSecret($input: RotateWebhookSecretInput!)",
      "rotateWebhookSecret(input: $input)",
      "MutationRotateWebhookSecretSuccess",
      withSecret,
    ),
    variables: ({ params, body }) => ({ input: { ...body, id: params.webhookId } }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/webhooks/:webhookId/deliveries",
    within: withinActiveOrganization,
    document: `query WebhookDeliveries($id: ID!, $first: Int, $after: String, $eventId: ID) {
      webhookSubscription(id: $id) { deliveries(first: $first, after: $after, eventId: $eventId) { ${connectionSelection(delivery)} } }
    }`,
    variables: ({ params, query }) => ({
      id: params.webhookId,
      eventId: optional(query, "eventId"),
      ...pageVariables(query),
    }),
    body: field("deliveries"),
  },
  {
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/ping",
    within: withinActiveOrganization,
    status: 202,
    document: mutation("PingWebhook($id: ID!)", "pingWebhook(id: $id)", "MutationPingWebhookSuccess", event),
    variables: ({ params }) => ({ id: params.webhookId }),
  },
  {
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/replay",
    within: withinActiveOrganization,
    status: 202,
    document: mutation(
      "ReplayWebhookEvents($input: ReplayWebhookEventsInput!)",
      "replayWebhookEvents(input: $input)",
      "MutationReplayWebhookEventsSuccess",
      "events",
    ),
    variables: ({ params, body }) => ({ input: { ...body, subscriptionId: params.webhookId } }),
  },
  {
    method: "POST",
    path: "/v1/organizations/:id/webhooks/:webhookId/events/:eventId/replay",
    within: withinActiveOrganization,
    status: 202,
    document: mutation(
      "ReplayWebhookEvent($input: ReplayWebhookEventInput!)",
      "replayWebhookEvent(input: $input)",
      "MutationReplayWebhookEventSuccess",
      event,
    ),
    variables: ({ params }) => ({ input: { subscriptionId: params.webhookId, eventId: params.eventId } }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/webhook-events",
    document: `query OrganizationWebhookEvents($id: ID!, $first: Int, $after: String, $type: String, $since: DateTime) {
      organization(id: $id) { webhookEvents(first: $first, after: $after, type: $type, since: $since) { ${connectionSelection(event)} } }
    }`,
    variables: ({ params, query }) => ({
      id: params.id,
      type: optional(query, "type"),
      since: optional(query, "since"),
      ...pageVariables(query),
    }),
    body: field("webhookEvents"),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/webhook-events/:eventId",
    within: withinActiveOrganization,
    document: `query WebhookEvent($id: ID!) { webhookEvent(id: $id) { ${event} } }`,
    variables: ({ params }) => ({ id: params.eventId }),
  },
];
