import type { Prisma } from "../../../db/prisma.js";
import { ForbiddenError } from "../../../errors.js";
import { managerRoles } from "../../../identity/roles.js";
import type { Actor } from "../../../operation/actor.js";
import type { Audited } from "../../../operation/audited.js";
import { findSpecialist } from "./specialists.js";

/** Only the fields given change; null clears email and bio. */
export interface UpdateSpecialist {
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  timezone?: string | null;
  bio?: string | null;
  /** Owners and admins only. */
  active?: boolean | null;
}

/**
 * Owners and admins edit any specialist; a specialist user only the profile linked to them,
 * and not its active flag (which decides whether they take bookings).
 */
function assertMayEdit(actor: Actor, specialist: { userId: string | null }, change: UpdateSpecialist) {
  const { role, userId } = actor.scope;
  if (role && (managerRoles as readonly string[]).includes(role)) return;
  if (!userId || specialist.userId !== userId) throw new ForbiddenError("A specialist can edit only their own profile");
  if (change.active !== undefined && change.active !== null) {
    throw new ForbiddenError("Only an owner or admin can activate or deactivate a specialist");
  }
}

/** Changes a specialist's profile: owners and admins any, a specialist user their own. */
export async function updateSpecialist(
  tx: Prisma.TransactionClient,
  actor: Actor,
  id: string,
  input: UpdateSpecialist,
) {
  const before = await findSpecialist(tx, id);
  assertMayEdit(actor, before, input);
  const after = await tx.specialist.update({
    where: { id: before.id },
    data: {
      firstName: input.firstName ?? undefined,
      lastName: input.lastName ?? undefined,
      email: input.email,
      timezone: input.timezone ?? undefined,
      bio: input.bio,
      active: input.active ?? undefined,
    },
  });
  return {
    value: after,
    audit: { action: "specialist.update", entityType: "Specialist", entityId: after.id, before, after },
  } satisfies Audited<typeof after>;
}
