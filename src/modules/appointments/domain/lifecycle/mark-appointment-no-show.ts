import type { Prisma } from "../../../../db/prisma.js";
import { InvalidTransitionError } from "../../../../errors.js";
import type { Appointment } from "../../../../generated/prisma/client.js";
import type { Actor } from "../../../../operation/actor.js";
import type { Audited } from "../../../../operation/audited.js";
import { memberStatusChange } from "./change-status.js";

/**
 * booked/upcoming → no_show: the patient did not come. Not before the start (it also happens by
 * itself after the end, `advance_appointment`). Staff.
 */
export function markAppointmentNoShow(
  tx: Prisma.TransactionClient,
  actor: Actor,
  input: { id: string },
): Promise<Audited<Appointment>> {
  const now = new Date();
  return memberStatusChange(tx, actor, {
    id: input.id,
    to: "no_show",
    action: "appointment.no_show",
    now,
    check: (before) => {
      if (before.startAt > now) {
        throw new InvalidTransitionError(
          "Appointment",
          before.status,
          "no_show",
          "the appointment has not started yet",
        );
      }
    },
  });
}
