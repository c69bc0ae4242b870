import type { Prisma } from "../../../db/prisma.js";
import { ForbiddenError, NotFoundError } from "../../../errors.js";
import type { Context } from "../../../graphql/context.js";
import { managerRoles } from "../../../identity/roles.js";

/** A specialist of the active organization (row-level security hides the others), or not found. */
export async function findSpecialist(tx: Prisma.TransactionClient, id: string) {
  const specialist = await tx.specialist.findUnique({ where: { id } });
  if (!specialist) throw new NotFoundError("Specialist");
  return specialist;
}

/**
 * Owners and admins edit any specialist; a specialist user only the profile linked to them,
 * and not its active flag (which decides whether they take bookings).
 */
export function assertMayEdit(ctx: Context, specialist: { userId: string | null }, change: { active?: unknown }) {
  const role = ctx.scope.role;
  if (role && (managerRoles as readonly string[]).includes(role)) return;
  if (!ctx.scope.userId || specialist.userId !== ctx.scope.userId) {
    throw new ForbiddenError("A specialist can edit only their own profile");
  }
  if (change.active !== undefined && change.active !== null) {
    throw new ForbiddenError("Only an owner or admin can activate or deactivate a specialist");
  }
}
