import { graphql } from "../generated/gql.js";

/** Who the caller is, where they act, and every membership they hold. */
export const MeWithMemberships = graphql(`
  query MeWithMemberships {
    me {
      kind
      role
      user { id }
      activeOrganization { id }
      memberships(first: 50) { edges { node { id role organization { id } } } }
    }
  }
`);

/*
 * The organizations feature's mutations, selecting every field of their results, for any test
 * that calls them (set-up steps, role checks, cross-tenant checks, audit). A test that needs a
 * narrower answer compares the fields it cares about.
 */

export const CreateOrganization = graphql(`
  mutation CreateOrganization($input: CreateOrganizationInput!) {
    createOrganization(input: $input) {
      __typename
      ... on MutationCreateOrganizationSuccess { data { id name slug timezone locale settings } }
      ... on Error { code message }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const UpdateOrganization = graphql(`
  mutation UpdateOrganization($id: ID!, $input: UpdateOrganizationInput!) {
    updateOrganization(id: $id, input: $input) {
      __typename
      ... on MutationUpdateOrganizationSuccess { data { id name slug timezone locale settings } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const DeleteOrganization = graphql(`
  mutation DeleteOrganization($id: ID!) {
    deleteOrganization(id: $id) {
      __typename
      ... on MutationDeleteOrganizationSuccess { data { id slug } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const SwitchOrganization = graphql(`
  mutation SwitchOrganization($organizationId: ID!) {
    switchOrganization(organizationId: $organizationId) {
      __typename
      ... on MutationSwitchOrganizationSuccess { data { id slug } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const InviteMember = graphql(`
  mutation InviteMember($input: InviteMemberInput!) {
    inviteMember(input: $input) {
      __typename
      ... on MutationInviteMemberSuccess { data { id email role expiresAt } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const RevokeInvitation = graphql(`
  mutation RevokeInvitation($id: ID!) {
    revokeInvitation(id: $id) {
      __typename
      ... on MutationRevokeInvitationSuccess { data { id email } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const UpdateMemberRole = graphql(`
  mutation UpdateMemberRole($membershipId: ID!, $role: MemberRole!) {
    updateMemberRole(membershipId: $membershipId, role: $role) {
      __typename
      ... on MutationUpdateMemberRoleSuccess { data { id role user { email } } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const RemoveMember = graphql(`
  mutation RemoveMember($membershipId: ID!) {
    removeMember(membershipId: $membershipId) {
      __typename
      ... on MutationRemoveMemberSuccess { data { id role } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const CreateApiKey = graphql(`
  mutation CreateApiKey($input: CreateApiKeyInput!) {
    createApiKey(input: $input) {
      __typename
      ... on MutationCreateApiKeySuccess { data { key apiKey { id name prefix role lastUsedAt expiresAt revokedAt } } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);

export const RevokeApiKey = graphql(`
  mutation RevokeApiKey($id: ID!) {
    revokeApiKey(id: $id) {
      __typename
      ... on MutationRevokeApiKeySuccess { data { id revokedAt } }
      ... on Error { code message }
      ... on NotFoundError { entity }
    }
  }
`);

export const UpsertIntegration = graphql(`
  mutation UpsertIntegration($input: UpsertIntegrationInput!) {
    upsertIntegration(input: $input) {
      __typename
      ... on MutationUpsertIntegrationSuccess { data { id provider config secretHints } }
      ... on Error { code message }
      ... on NotFoundError { entity }
      ... on ValidationError { fields { path message } }
    }
  }
`);
