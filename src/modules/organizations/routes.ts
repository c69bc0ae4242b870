import { listRoute, mutationRoute, queryRoute, type V1Route } from "../../http/v1/route.js";

const organization = "id name slug timezone locale settings createdAt updatedAt";
const membership = "id role createdAt user { id email firstName lastName }";
const invitation = "id email role expiresAt createdAt";
const apiKey = "id name prefix role lastUsedAt expiresAt revokedAt createdAt";
const integration = "id provider config secretHints updatedAt";

/** A page of an organization's sub-resource; other organizations' ids answer 404. */
const organizationList = (path: string, field: string, select: string) =>
  listRoute({ path, connection: `organization.${field}`, args: { id: "ID!" }, select });

export const organizationRoutes: V1Route[] = [
  listRoute({ path: "/v1/organizations", connection: "organizations", select: organization }),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations",
    status: 201,
    mutation: "createOrganization",
    args: { input: "CreateOrganizationInput!" },
    select: organization,
  }),
  queryRoute({
    path: "/v1/organizations/by-slug/:slug",
    query: "organizationBySlug",
    args: { slug: "String!" },
    select: organization,
  }),
  queryRoute({ path: "/v1/organizations/:id", query: "organization", args: { id: "ID!" }, select: organization }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/organizations/:id",
    mutation: "updateOrganization",
    args: { id: "ID!", input: "UpdateOrganizationInput!" },
    select: organization,
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/organizations/:id",
    status: 204,
    mutation: "deleteOrganization",
    args: { id: "ID!" },
    select: "id",
  }),
  organizationList("/v1/organizations/:id/members", "members", membership),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations/:id/members",
    status: 201,
    mutation: "inviteMember",
    args: { input: "InviteMemberInput!" },
    select: invitation,
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id } }),
  }),
  mutationRoute({
    method: "PATCH",
    path: "/v1/organizations/:id/members/:membershipId",
    mutation: "updateMemberRole",
    args: { membershipId: "ID!", role: "MemberRole!", organizationId: "ID!" },
    select: membership,
    variables: ({ params, body }) => ({
      membershipId: params.membershipId,
      role: body.role,
      organizationId: params.id,
    }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/organizations/:id/members/:membershipId",
    status: 204,
    mutation: "removeMember",
    args: { membershipId: "ID!", organizationId: "ID!" },
    select: "id",
    variables: ({ params }) => ({ membershipId: params.membershipId, organizationId: params.id }),
  }),
  organizationList("/v1/organizations/:id/invitations", "invitations", invitation),
  mutationRoute({
    method: "DELETE",
    path: "/v1/organizations/:id/invitations/:invitationId",
    status: 204,
    mutation: "revokeInvitation",
    args: { id: "ID!", organizationId: "ID!" },
    select: "id",
    variables: ({ params }) => ({ id: params.invitationId, organizationId: params.id }),
  }),
  organizationList("/v1/organizations/:id/api-keys", "apiKeys", apiKey),
  mutationRoute({
    method: "POST",
    path: "/v1/organizations/:id/api-keys",
    status: 201,
    mutation: "createApiKey",
    args: { input: "CreateApiKeyInput!" },
    select: `key apiKey { ${apiKey} }`,
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id } }),
  }),
  mutationRoute({
    method: "DELETE",
    path: "/v1/organizations/:id/api-keys/:keyId",
    mutation: "revokeApiKey",
    args: { id: "ID!", organizationId: "ID!" },
    select: apiKey,
    variables: ({ params }) => ({ id: params.keyId, organizationId: params.id }),
  }),
  organizationList("/v1/organizations/:id/integrations", "integrations", integration),
  mutationRoute({
    method: "PUT",
    path: "/v1/organizations/:id/integrations/:provider",
    mutation: "upsertIntegration",
    args: { input: "UpsertIntegrationInput!" },
    select: integration,
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id, provider: params.provider } }),
  }),
];
