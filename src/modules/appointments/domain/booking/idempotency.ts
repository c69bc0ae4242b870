import { NotFoundError } from "../../../../errors.js";
import { type HoldOperation, inCalendarScope } from "../../../scheduling/index.js";
import { bookerIn } from "./booker.js";
import type { SlotChoice } from "./slot-choice.js";

/** The calendar a booking request is for, when it can be told before booking (for idempotent replays). */
export async function calendarOfRequest(
  operation: Pick<HoldOperation, "services">,
  slot: SlotChoice,
): Promise<string | null> {
  if ("calendarId" in slot) return slot.calendarId;
  return (await operation.services.holds.get(slot.holdToken))?.calendarId ?? null;
}

/**
 * The appointment an idempotency key already booked, in the organization the request books in:
 * the calendar's (when known and visible to the caller), else the caller's own.
 */
export async function findByIdempotencyKey(operation: HoldOperation, calendarId: string | null, key: string) {
  const find = async (organizationId: string | null) =>
    organizationId
      ? operation.database.transaction(bookerIn(operation, organizationId).scope, (tx) =>
          tx.appointment.findUnique({
            where: { organizationId_idempotencyKey: { organizationId, idempotencyKey: key } },
          }),
        )
      : null;
  if (!calendarId) return find(operation.scope.organizationId);
  try {
    return await inCalendarScope(operation, calendarId, (scope) => find(scope.organizationId));
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
