import type { Context } from "../../graphql/context.js";
import { SlotUnavailableError } from "../scheduling/errors.js";
import type { Hold } from "../scheduling/holds/hold-store.js";
import { mayUseHold, placeHold } from "../scheduling/holds.js";
import { HoldExpiredError } from "./errors.js";

const MINUTE = 60_000;

/** Where a booking (or a reschedule) goes: a live hold's token, or a slot to hold now. */
export type SlotChoice =
  | { holdToken: string }
  | { calendarId: string; start: number; specialistId?: string };

/** A hold to book from, and whether it was placed for this booking (to give back if booking fails). */
export interface BookingHold {
  hold: Hold;
  placedNow: boolean;
}

/**
 * The hold a booking consumes: the caller's live hold (gone: HoldExpired; someone else's:
 * SlotUnavailable), or one placed now for the slot, with fair assignment when no specialist
 * was chosen (so booking without a hold follows exactly the rules holds do).
 */
export async function bookingHold(ctx: Context, choice: SlotChoice): Promise<BookingHold> {
  if ("holdToken" in choice) {
    const hold = await ctx.services.holds.get(choice.holdToken);
    if (!hold) throw new HoldExpiredError();
    if (!mayUseHold(ctx, hold)) throw new SlotUnavailableError("This time is held by someone else");
    return { hold, placedNow: false };
  }
  return { hold: await placeHold(ctx, choice), placedNow: true };
}

/** The calendar buffers a hold reserved around its slot, in minutes. */
export function holdBuffers(hold: Hold) {
  return {
    bufferBeforeMinutes: Math.round((hold.slotStart - hold.start) / MINUTE),
    bufferAfterMinutes: Math.round((hold.end - hold.slotEnd) / MINUTE),
  };
}
