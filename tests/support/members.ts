import type { MemberRole } from "../../src/identity/roles.js";
import { asUser, type Headers, type TestOrganization, unique } from "./auth.js";
import { gqlData } from "./graphql.js";
import { InviteMember, MeWithMemberships } from "./organization-documents.js";

export interface TestMember {
  /** Headers of the member, whose active organization is the one they were invited to. */
  headers: Headers;
  sub: string;
  email: string;
  /** The member's user id as GraphQL gives it. */
  userId: string;
  /** Their membership of the organization, as GraphQL gives it. */
  membershipId: string;
}

/**
 * A new user who joins the organization with `role` the way a person does: `by` (its owner by
 * default) invites their email, and their first signed-in request accepts the invitation.
 */
export async function addMember(
  url: string,
  org: TestOrganization,
  role: MemberRole,
  by: Headers = org.owner,
): Promise<TestMember> {
  const sub = unique(`user_${role}`);
  const email = `${sub}@example.com`;
  const invited = await gqlData(url, InviteMember, { input: { organizationId: org.id, email, role } }, by);
  if (invited.inviteMember.__typename !== "MutationInviteMemberSuccess") {
    throw new Error(`inviteMember failed: ${JSON.stringify(invited)}`);
  }
  const headers = asUser(sub, { email });
  const { me } = await gqlData(url, MeWithMemberships, undefined, headers);
  const membership = me.memberships.edges.find((e) => e.node.organization.id === org.id)?.node;
  if (me.role !== role || me.activeOrganization?.id !== org.id || !me.user || !membership) {
    throw new Error(`${sub} did not join as ${role}: ${JSON.stringify(me)}`);
  }
  return { headers, sub, email, userId: me.user.id, membershipId: membership.id };
}
