import type { MemberRole } from "../../src/identity/roles.js";
import { graphql } from "../generated/gql.js";
import { asUser, type Headers, type TestOrganization, unique } from "./auth.js";
import { gqlData } from "./graphql.js";
import { InviteMember } from "./organization-documents.js";

const MeUser = graphql(`
  query FixtureMeUser { me { role user { id } } }
`);

export interface TestMember {
  /** Headers of the member, whose active organization is the one they were invited to. */
  headers: Headers;
  sub: string;
  /** The member's user id as GraphQL gives it. */
  userId: string;
}

/** A new user who joins the organization with `role` (invited by its owner, then signing in). */
export async function addMember(url: string, org: TestOrganization, role: MemberRole): Promise<TestMember> {
  const sub = unique(`user_${role}`);
  const email = `${sub}@example.com`;
  const invited = await gqlData(url, InviteMember, { input: { organizationId: org.id, email, role } }, org.owner);
  if (invited.inviteMember.__typename !== "MutationInviteMemberSuccess") {
    throw new Error(`inviteMember failed: ${JSON.stringify(invited)}`);
  }
  const headers = asUser(sub, { email });
  const { me } = await gqlData(url, MeUser, undefined, headers);
  if (me.role !== role || !me.user) throw new Error(`${sub} did not join as ${role}: ${JSON.stringify(me)}`);
  return { headers, sub, userId: me.user.id };
}
