// The organizations module's surface for other modules: the types they link to, the active
// organization check, and the slug rules calendars share.
export { activeOrganization } from "./domain/active-organization.js";
export { withUniqueSlug } from "./domain/unique-slug.js";
export { MemberRoleEnum } from "./types/member-role.enum.js";
export { MembershipRef } from "./types/membership.type.js";
export { OrganizationRef } from "./types/organization.type.js";
export { slug } from "./types/organization-input.js";
