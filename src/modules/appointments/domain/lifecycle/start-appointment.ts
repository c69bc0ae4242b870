import type { Prisma } from "../../../../db/prisma.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { memberStatusChange } from "./change-status.js";

/** booked/upcoming → in_progress: the visit began (`startedAt`). Staff. */
export function startAppointment(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: { id: string },
): Promise<Audited<Appointment>> {
  return memberStatusChange(tx, actor, {
    id: input.id,
    to: "in_progress",
    action: "appointment.start",
    now: new Date(),
  });
}
