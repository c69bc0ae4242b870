import { graphql } from "../generated/gql.js";
import type { Headers, TestOrganization } from "../support/auth.js";
import { gqlData } from "../support/graphql.js";

const CreateWebhook = graphql(`
  mutation WebhooksFixtureCreate($input: CreateWebhookSubscriptionInput!) {
    createWebhookSubscription(input: $input) {
      __typename
      ... on MutationCreateWebhookSubscriptionSuccess { data { secret subscription { id } } }
      ... on Error { message }
    }
  }
`);

const Rename = graphql(`
  mutation WebhooksFixtureRename($id: ID!, $name: String!) {
    updateOrganization(id: $id, input: { name: $name }) { __typename }
  }
`);

export const Deliveries = graphql(`
  query WebhooksFixtureDeliveries($id: ID!) {
    webhookSubscription(id: $id) {
      enabled
      disabledReason
      consecutiveFailures
      deliveries(first: 50) {
        edges {
          node {
            trigger attempt status dueAt attemptedAt statusCode error responseExcerpt nextAttemptAt
            event { id webhookId type }
          }
        }
      }
    }
  }
`);

/** A webhook endpoint of the organization, created by its owner. */
export async function createWebhook(
  url: string,
  org: TestOrganization,
  endpointUrl: string,
  eventTypes?: string[],
): Promise<{ id: string; secret: string }> {
  const result = await gqlData(
    url,
    CreateWebhook,
    { input: { organizationId: org.id, url: endpointUrl, eventTypes } },
    org.owner,
  );
  if (result.createWebhookSubscription.__typename !== "MutationCreateWebhookSubscriptionSuccess") {
    throw new Error(`createWebhookSubscription failed: ${JSON.stringify(result)}`);
  }
  const { secret, subscription } = result.createWebhookSubscription.data;
  return { id: subscription.id, secret };
}

/** Renames the organization: one `organization.updated` event (`headers` added to the owner's, e.g. `x-request-id`). */
export async function touch(url: string, org: TestOrganization, name = `Clinic ${Date.now()}`, headers: Headers = {}) {
  const result = await gqlData(url, Rename, { id: org.id, name }, { ...org.owner, ...headers });
  if (result.updateOrganization.__typename !== "MutationUpdateOrganizationSuccess") {
    throw new Error(`updateOrganization failed: ${JSON.stringify(result)}`);
  }
}

/** The subscription's delivery log, newest first, as its owner sees it. */
export async function deliveriesOf(url: string, headers: Headers, subscriptionId: string) {
  const { webhookSubscription } = await gqlData(url, Deliveries, { id: subscriptionId }, headers);
  if (!webhookSubscription) throw new Error("subscription not found");
  return { ...webhookSubscription, deliveries: webhookSubscription.deliveries.edges.map((e) => e.node) };
}

/** Waits until the subscription's log holds `count` attempts, every one made (none pending). */
export function madeDeliveriesOf(url: string, headers: Headers, subscriptionId: string, count: number) {
  return eventually(async () => {
    const found = await deliveriesOf(url, headers, subscriptionId);
    const made = found.deliveries.filter((d) => d.status !== "pending");
    if (made.length !== count || found.deliveries.length !== count) {
      throw new Error(`expected ${count} attempts made, got ${JSON.stringify(found.deliveries)}`);
    }
    return found;
  });
}

/** Retries `check` until it stops throwing, or rethrows its last error after `timeoutMs`. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}
