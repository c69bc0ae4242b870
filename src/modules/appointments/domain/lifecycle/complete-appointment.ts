import type { Prisma } from "../../../../db/prisma.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { memberStatusChange } from "./change-status.js";

/** in_progress → done: the visit took place (`completedAt`; its video room is deleted). Staff. */
export function completeAppointment(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: { id: string },
): Promise<Audited<Appointment>> {
  return memberStatusChange(tx, actor, { id: input.id, to: "done", action: "appointment.complete", now: new Date() });
}
