import { ForbiddenError } from "../../../errors.js";
import type { MemberRole } from "../../../identity/roles.js";
import type { Actor } from "../../../operation/actor.js";

/** Who sets up calendars and anyone's hours. Specialists read them, and edit only their own hours. */
export const calendarManagerRoles: readonly MemberRole[] = ["owner", "admin", "staff"];

/** Weekly hours and overrides: calendar managers for anyone, a specialist for their own profile. */
export function assertMayEditSchedule(actor: Pick<Actor, "scope">, specialist: { userId: string | null }) {
  const role = actor.scope.role as MemberRole | null;
  if (role && calendarManagerRoles.includes(role)) return;
  if (role === "specialist" && specialist.userId !== null && specialist.userId === actor.scope.userId) return;
  throw new ForbiddenError("Only calendar managers, or the specialist themselves, may change these hours");
}
