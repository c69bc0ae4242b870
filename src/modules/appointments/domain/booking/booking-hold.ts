import { afterCommit } from "../../../../after-commit.js";
import {
  announceHold,
  type Hold,
  type HoldOperation,
  mayUseHold,
  placeHold,
  SlotUnavailableError,
} from "../../../scheduling/index.js";
import { HoldExpiredError } from "../../errors.js";
import { isDoubleBooking } from "./double-booking.js";
import type { SlotChoice } from "./slot-choice.js";

const MINUTE = 60_000;

/** A hold to book from, and whether it was placed for this booking (to give back if booking fails). */
interface BookingHold {
  hold: Hold;
  placedNow: boolean;
}

/**
 * The hold a booking consumes: the caller's live hold (gone: HoldExpired; someone else's:
 * SlotUnavailable), or one placed now for the slot, with fair assignment when no specialist
 * was chosen (so booking without a hold follows exactly the rules holds do).
 */
async function bookingHold(operation: HoldOperation, choice: SlotChoice): Promise<BookingHold> {
  if ("holdToken" in choice) {
    const hold = await operation.services.holds.get(choice.holdToken);
    if (!hold) throw new HoldExpiredError();
    if (!mayUseHold(operation, hold)) throw new SlotUnavailableError("This time is held by someone else");
    return { hold, placedNow: false };
  }
  // Part of the booking: the booking's one audit row records the hold (see {@link placedHoldAudit}).
  return { hold: await placeHold(operation, choice, { audit: false }), placedNow: true };
}

/**
 * What the audit row of a booking (or reschedule) records of a hold placed for it in the same
 * request: `{ hold: ... }` to merge into the row's `after`; nothing for a hold placed before.
 */
export function placedHoldAudit(hold: Hold, placedNow: boolean): { hold?: Record<string, unknown> } {
  if (!placedNow) return {};
  const { token: _token, clientId: _clientId, ...described } = hold;
  return { hold: described };
}

/** The calendar buffers a hold reserved around its slot, in minutes. */
export function holdBuffers(hold: Hold) {
  return {
    bufferBeforeMinutes: Math.round((hold.slotStart - hold.start) / MINUTE),
    bufferAfterMinutes: Math.round((hold.end - hold.slotEnd) / MINUTE),
  };
}

/**
 * Runs `write` (the transaction that puts an appointment on the hold's time) and consumes the
 * hold once it committed (best-effort: a committed booking is never answered as a failure). If it fails, a hold placed for this request is given back (announced),
 * and a hold whose time the database found taken (the exclusion constraint: Redis lost a hold, or
 * raced) is dropped and answered as SlotUnavailable; a caller's own hold otherwise stays theirs.
 */
export async function consumingHold<T>(
  operation: HoldOperation,
  choice: SlotChoice,
  write: (hold: Hold, placedNow: boolean) => Promise<T>,
): Promise<{ value: T; hold: Hold }> {
  const { hold, placedNow } = await bookingHold(operation, choice);
  const { services, log } = operation;
  try {
    const value = await write(hold, placedNow);
    // Committed: a hold left behind (Redis unavailable) only lapses at its expiry.
    await afterCommit(log, "release the consumed hold", () => services.holds.release(hold.token));
    return { value, hold };
  } catch (error) {
    const taken = isDoubleBooking(error);
    if (placedNow || taken) {
      // Best-effort too: the error that failed the booking is the answer, not Redis'.
      await afterCommit(log, "give the hold back", async () => {
        const released = await services.holds.release(hold.token);
        if (released && !taken) await announceHold(operation, released, "HOLD_RELEASED");
      });
    }
    if (taken) throw new SlotUnavailableError("This time was just booked");
    throw error;
  }
}
