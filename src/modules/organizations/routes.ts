import {
  connectionBody,
  connectionSelection,
  pageVariables,
  typedResultDocument,
  type V1Route,
} from "../../http/v1/route.js";

const organization = "id name slug timezone locale settings createdAt updatedAt";
const membership = "id role createdAt user { id email firstName lastName }";
const invitation = "id email role expiresAt createdAt";
const apiKey = "id name prefix role lastUsedAt expiresAt revokedAt createdAt";
const integration = "id provider config secretHints updatedAt";

/** A mutation document whose success payload is `data { <fields> }`. */
const mutation = (signature: string, call: string, payload: string, fields: string) =>
  typedResultDocument(`mutation ${signature}`, call, payload, fields);

/** The organization a sub-resource path names; other organizations' ids answer 404. */
const organizationPage = (name: string, field: string, fields: string) =>
  `query ${name}($id: ID!, $first: Int, $after: String) {
    organization(id: $id) { ${field}(first: $first, after: $after) { ${connectionSelection(fields)} } }
  }`;

const subResource = (field: string) => (value: unknown) => connectionBody((value as Record<string, unknown>)[field]);

export const organizationRoutes: V1Route[] = [
  {
    method: "GET",
    path: "/v1/organizations",
    document: `query Organizations($first: Int, $after: String) { organizations(first: $first, after: $after) { ${connectionSelection(organization)} } }`,
    variables: ({ query }) => pageVariables(query),
    body: connectionBody,
  },
  {
    method: "POST",
    path: "/v1/organizations",
    status: 201,
    document: mutation(
      "CreateOrganization($input: CreateOrganizationInput!)",
      "createOrganization(input: $input)",
      "MutationCreateOrganizationSuccess",
      organization,
    ),
    variables: ({ body }) => ({ input: body }),
  },
  {
    method: "GET",
    path: "/v1/organizations/by-slug/:slug",
    document: `query OrganizationBySlug($slug: String!) { organizationBySlug(slug: $slug) { ${organization} } }`,
    variables: ({ params }) => ({ slug: params.slug }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id",
    document: `query Organization($id: ID!) { organization(id: $id) { ${organization} } }`,
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "PATCH",
    path: "/v1/organizations/:id",
    document: mutation(
      "UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!)",
      "updateOrganization(id: $id, input: $input)",
      "MutationUpdateOrganizationSuccess",
      organization,
    ),
    variables: ({ params, body }) => ({ id: params.id, input: body }),
  },
  {
    method: "DELETE",
    path: "/v1/organizations/:id",
    status: 204,
    document: mutation(
      "DeleteOrganization($id: ID!)",
      "deleteOrganization(id: $id)",
      "MutationDeleteOrganizationSuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.id }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/members",
    document: organizationPage("OrganizationMembers", "members", membership),
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: subResource("members"),
  },
  {
    method: "POST",
    path: "/v1/organizations/:id/members",
    status: 201,
    document: mutation(
      "InviteMember($input: InviteMemberInput!)",
      "inviteMember(input: $input)",
      "MutationInviteMemberSuccess",
      invitation,
    ),
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id } }),
  },
  {
    method: "PATCH",
    path: "/v1/organizations/:id/members/:membershipId",
    document: mutation(
      "UpdateMemberRole($membershipId: ID!, $role: MemberRole!, $organizationId: ID!)",
      "updateMemberRole(membershipId: $membershipId, role: $role, organizationId: $organizationId)",
      "MutationUpdateMemberRoleSuccess",
      membership,
    ),
    variables: ({ params, body }) => ({
      membershipId: params.membershipId,
      role: body.role,
      organizationId: params.id,
    }),
  },
  {
    method: "DELETE",
    path: "/v1/organizations/:id/members/:membershipId",
    status: 204,
    document: mutation(
      "RemoveMember($membershipId: ID!, $organizationId: ID!)",
      "removeMember(membershipId: $membershipId, organizationId: $organizationId)",
      "MutationRemoveMemberSuccess",
      "id",
    ),
    variables: ({ params }) => ({ membershipId: params.membershipId, organizationId: params.id }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/invitations",
    document: organizationPage("OrganizationInvitations", "invitations", invitation),
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: subResource("invitations"),
  },
  {
    method: "DELETE",
    path: "/v1/organizations/:id/invitations/:invitationId",
    status: 204,
    document: mutation(
      "RevokeInvitation($id: ID!, $organizationId: ID!)",
      "revokeInvitation(id: $id, organizationId: $organizationId)",
      "MutationRevokeInvitationSuccess",
      "id",
    ),
    variables: ({ params }) => ({ id: params.invitationId, organizationId: params.id }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/api-keys",
    document: organizationPage("OrganizationApiKeys", "apiKeys", apiKey),
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: subResource("apiKeys"),
  },
  {
    method: "POST",
    path: "/v1/organizations/:id/api-keys",
    status: 201,
    document: mutation(
      "CreateApiKey($input: CreateApiKeyInput!)",
      "createApiKey(input: $input)",
      "MutationCreateApiKeySuccess",
      `key apiKey { ${apiKey} }`,
    ),
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id } }),
  },
  {
    method: "DELETE",
    path: "/v1/organizations/:id/api-keys/:keyId",
    document: mutation(
      "RevokeApiKey($id: ID!, $organizationId: ID!)",
      "revokeApiKey(id: $id, organizationId: $organizationId)",
      "MutationRevokeApiKeySuccess",
      apiKey,
    ),
    variables: ({ params }) => ({ id: params.keyId, organizationId: params.id }),
  },
  {
    method: "GET",
    path: "/v1/organizations/:id/integrations",
    document: organizationPage("OrganizationIntegrations", "integrations", integration),
    variables: ({ params, query }) => ({ id: params.id, ...pageVariables(query) }),
    body: subResource("integrations"),
  },
  {
    method: "PUT",
    path: "/v1/organizations/:id/integrations/:provider",
    document: mutation(
      "UpsertIntegration($input: UpsertIntegrationInput!)",
      "upsertIntegration(input: $input)",
      "MutationUpsertIntegrationSuccess",
      integration,
    ),
    variables: ({ params, body }) => ({ input: { ...body, organizationId: params.id, provider: params.provider } }),
  },
];
