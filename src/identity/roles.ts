import type { MemberRole } from "../generated/prisma/enums.js";

export type { MemberRole };

export const memberRoles = [
  "owner",
  "admin",
  "specialist",
  "staff",
  "patient",
] as const satisfies readonly MemberRole[];

/** Who may manage members, API keys, integrations and read the audit log. */
export const managerRoles: readonly MemberRole[] = ["owner", "admin"];
/** Roles that work with the organization's records (everyone but patients). */
export const staffRoles: readonly MemberRole[] = ["owner", "admin", "specialist", "staff"];
