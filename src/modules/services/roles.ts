import type { Context } from "../../graphql/context.js";
import { type MemberRole, memberRoles, staffRoles } from "../../identity/roles.js";

/** Who manages the catalog (services, plans, products) and sells plans and products: staff, not specialists. */
export const catalogRoles: readonly MemberRole[] = ["owner", "admin", "staff"];

/** Who records that a session of a patient's plan was used: the catalog roles and the specialists who deliver it. */
export const sessionRoles: readonly MemberRole[] = staffRoles;

/** Who reads the catalog: every member. Patients see active items only, and only their own plans and orders. */
export const readerRoles: readonly MemberRole[] = memberRoles;

/** The filter that hides inactive catalog items from patients. */
export function visibleToViewer(ctx: Context): { active?: true } {
  return ctx.scope.role === "patient" ? { active: true } : {};
}
