import type { Prisma } from "../../../../db/prisma.js";
import { ForbiddenError } from "../../../../errors.js";
import { managerRoles } from "../../../../identity/roles.js";
import type { Actor } from "../../../../operation/actor.js";

/** How a caller takes part in a video visit. */
export interface Participant {
  /** Owners run the call (admit, mute, remove); the patient is a guest. */
  isOwner: boolean;
  /** The name Daily shows for them. */
  userName: string;
}

interface VisitPeople {
  patientId: string | null;
  specialist: { userId: string | null; firstName: string; lastName: string };
  patient: { firstName: string; lastName: string } | null;
}

const fullName = (person: { firstName: string | null; lastName: string | null }) =>
  [person.firstName, person.lastName].filter(Boolean).join(" ");

/**
 * Who may join: the appointment's patient (a patient-role request, the patient's own or an
 * owner or admin acting as them) as a guest; the specialist's linked user as owner; and the
 * organization's owners and admins as owner, under their own name, to step in or supervise.
 * Anyone else (other staff, other specialists, API keys, which are no person) may not.
 */
export async function participantOf(
  db: Pick<Prisma.TransactionClient, "user">,
  actor: Pick<Actor, "scope" | "viewer">,
  visit: VisitPeople,
): Promise<Participant> {
  const { scope, viewer } = actor;
  if (scope.role === "patient") {
    if (!visit.patient || scope.patientId !== visit.patientId) throw new ForbiddenError("This is not your appointment");
    return { isOwner: false, userName: fullName(visit.patient) };
  }
  if (viewer.kind !== "user") throw new ForbiddenError("Video visits are joined by people, not API keys");
  if (visit.specialist.userId === viewer.userId) return { isOwner: true, userName: fullName(visit.specialist) };
  if (viewer.role && managerRoles.includes(viewer.role)) {
    const user = await db.user.findUnique({ where: { id: viewer.userId } });
    return { isOwner: true, userName: (user && fullName(user)) || user?.email || "Clinic staff" };
  }
  throw new ForbiddenError("Only the appointment's specialist and patient may join its video visit");
}
