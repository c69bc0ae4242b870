import type { Prisma } from "../../../../db/prisma.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { memberStatusChange } from "./change-status.js";

/**
 * booked → upcoming: the appointment is confirmed (it also happens by itself when the reminder
 * window opens, `advance_appointment`). Staff, or the appointment's patient.
 */
export function confirmAppointment(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: { id: string },
): Promise<Audited<Appointment>> {
  return memberStatusChange(tx, actor, {
    id: input.id,
    to: "upcoming",
    action: "appointment.confirm",
    now: new Date(),
  });
}
